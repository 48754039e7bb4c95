// Installed before any page script (CDP Page.addScriptToEvaluateOnNewDocument). Records every
// navigator.credentials.get call in sessionStorage, so the log survives navigations within the tab.
// With HOLD, a conditional (autofill) request stays pending until it is aborted, as in a real browser whose user
// has not picked a passkey from the autofill list yet; Chrome's virtual authenticator would answer it at once.
(() => {
  const HOLD = __HOLD__;
  const KEY = 'passkeys-test-get-calls';
  let storage;
  try {
    storage = window.sessionStorage;
  } catch (e) {
    return; // opaque origins (about:blank, data:) have no sessionStorage
  }
  if (!storage || !navigator.credentials) return;
  const update = (change) => {
    const calls = JSON.parse(storage.getItem(KEY) || '[]');
    change(calls);
    storage.setItem(KEY, JSON.stringify(calls));
  };
  const credentials = navigator.credentials;
  const realGet = credentials.get.bind(credentials);
  credentials.get = function (options = {}) {
    const signal = options.signal;
    let index;
    update((calls) => {
      index = calls.length;
      calls.push({
        page: location.pathname + location.search,
        mediation: options.mediation || null,
        publicKey: !!options.publicKey,
        challenge: !!(options.publicKey && options.publicKey.challenge),
        signal: !!signal,
        aborted: false,
        outcome: 'pending',
        startedAt: Date.now()
      });
    });
    if (signal) signal.addEventListener('abort', () => update((calls) => { if (calls[index]) calls[index].aborted = true; }));
    let answer;
    if (HOLD && options.mediation === 'conditional') {
      answer = new Promise((resolve, reject) => {
        if (!signal) return;
        const abort = () => reject(signal.reason || new DOMException('The operation was aborted.', 'AbortError'));
        if (signal.aborted) abort(); else signal.addEventListener('abort', abort, { once: true });
      });
    } else {
      answer = realGet(options);
    }
    return answer.then(
      (credential) => { update((calls) => { if (calls[index]) Object.assign(calls[index], { outcome: 'resolved', settledAt: Date.now() }); }); return credential; },
      (error) => { update((calls) => { if (calls[index]) Object.assign(calls[index], { outcome: (error && error.name) || 'rejected', settledAt: Date.now() }); }); throw error; });
  };
})();
