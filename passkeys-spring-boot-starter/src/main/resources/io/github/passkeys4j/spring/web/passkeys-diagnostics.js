/*
 * Passkeys for Java — the developer diagnostics page (<base>/diagnostics, passkeys.diagnostics.enabled=true): what
 * this browser reports, whether this page's address may run passkeys, and a test of both ceremonies step by step.
 * Needs passkeys.js first. The test runs against throwaway server-side stores: it stores nothing and signs nobody in.
 */
(function () {
  'use strict';

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat().forEach(child => child && node.append(child));
    return node;
  }

  const yes = value => value === true ? 'yes' : value === false ? 'no' : 'not reported by this browser';

  // "http://localhost:*" allows any port of localhost (the server's rule, see RelyingParty.Builder#origins).
  function originAllowed(origin, allowed) {
    const url = new URL(origin);
    return allowed.some(a => a === origin
      || (a.endsWith(':*') && url.hostname === 'localhost' && a.slice(0, -2) === url.protocol + '//localhost'));
  }

  /** The verdict on this page's address: { ok, text }. */
  function verdict(rpId, allowed) {
    const origin = location.origin;
    const host = location.hostname;
    if (!window.isSecureContext) {
      return { ok: false, text: 'No: this page is not a secure context (it needs https, or http://localhost), so the '
        + 'browser offers no passkeys here. Open the site over https.' };
    }
    if (host !== rpId && !host.endsWith('.' + rpId)) {
      return { ok: false, text: 'No: this page\'s host, ' + host + ', is not ' + rpId + ' or a subdomain of it, so the '
        + 'browser will refuse passkeys (SecurityError). Open the site at ' + rpId + ', or change passkeys.rp-id.' };
    }
    if (!originAllowed(origin, allowed)) {
      return { ok: false, text: 'No: this page\'s address, ' + origin + ', is not one of the allowed origins ('
        + allowed.join(', ') + '), so the server will refuse passkeys made here. Add it to passkeys.origins, '
        + 'or open the site at an allowed address.' };
    }
    return { ok: true, text: 'Yes: passkeys can work on this page. Its address, ' + origin + ', is allowed, and it '
      + 'belongs to ' + rpId + '.' };
  }

  async function call(fn) {
    try { return await fn(); } catch (e) { return undefined; }
  }

  async function browserFacts(list) {
    const pkc = window.PublicKeyCredential;
    const row = (name, value) => list.append(el('div', { class: 'passkeys-setting' },
      el('dt', { text: name }), el('dd', { text: value })));
    row('Page address', location.origin);
    row('Secure context', yes(window.isSecureContext));
    row('Passkeys (WebAuthn)', yes(typeof pkc === 'function'));
    if (typeof pkc !== 'function') return;
    row('Built-in authenticator (screen lock, fingerprint or face)', yes(
      typeof pkc.isUserVerifyingPlatformAuthenticatorAvailable === 'function'
        ? await call(() => pkc.isUserVerifyingPlatformAuthenticatorAvailable()) : undefined));
    row('Passkeys offered in autofill', yes(typeof pkc.isConditionalMediationAvailable === 'function'
      ? await call(() => pkc.isConditionalMediationAvailable()) : undefined));
    const capabilities = typeof pkc.getClientCapabilities === 'function'
      ? await call(() => pkc.getClientCapabilities()) : undefined;
    if (!capabilities) {
      row('Client capabilities', yes(undefined));
      return;
    }
    const keys = Object.keys(capabilities).sort();
    row('Client capabilities it has', keys.filter(k => capabilities[k] === true).join(', ') || 'none');
    row('Client capabilities it lacks', keys.filter(k => capabilities[k] !== true).join(', ') || 'none');
  }

  // --- the test ---------------------------------------------------------------------------------------------------
  const STEPS = [
    ['options', 'Get registration options from the server'],
    ['create', 'Create a test passkey in the browser'],
    ['register', 'Server verifies the new passkey'],
    ['sign-in-options', 'Get sign-in options from the server'],
    ['get', 'Sign in with the test passkey in the browser'],
    ['verify', 'Server verifies the sign-in'],
  ];

  function failure(error) {
    const problem = error && error.problem;
    if (problem && problem.detail) {
      return 'The server refused it' + (problem.reason ? ' (' + problem.reason + ')' : '') + ': ' + problem.detail;
    }
    const plain = window.Passkeys.explain(error);
    const technical = error && error.name && error.name !== 'PasskeyError' ? ' (' + error.name + ': ' + error.message + ')' : '';
    return (plain && plain.message ? plain.message : String(error)) + technical;
  }

  async function runTest(button, list, result) {
    const P = window.Passkeys;
    list.replaceChildren(...STEPS.map(([id, name]) => el('li', { 'data-step': id, 'data-state': 'waiting' },
      el('span', { class: 'passkeys-step-name', text: name }), ' ', el('span', { class: 'passkeys-step-result', text: 'waiting' }))));
    result.textContent = 'Running the test…';
    delete result.dataset.outcome;
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>.
    button.setAttribute('aria-disabled', 'true');
    const mark = (id, state, text) => {
      const item = list.querySelector('[data-step="' + id + '"]');
      item.dataset.state = state;
      item.querySelector('.passkeys-step-result').textContent = (state === 'ok' ? 'Done: ' : state === 'failed' ? 'Failed: ' : '') + text;
    };
    let step = STEPS[0][0];
    let created = null;
    let rpId = null;
    try {
      const start = await P.request('POST', '/diagnostics/registration/options');
      rpId = start.options.rp.id;
      mark(step, 'ok', 'for ' + rpId + ', user verification ' + start.options.authenticatorSelection.userVerification
        + ', ' + Math.round(start.options.timeout / 1000) + ' s to finish.');
      step = 'create';
      mark(step, 'running', 'follow your browser\'s prompt…');
      const credential = await navigator.credentials.create({ publicKey: P.creationOptions(start.options) });
      created = credential.id;
      mark(step, 'ok', (credential.authenticatorAttachment === 'platform' ? 'on this device'
        : credential.authenticatorAttachment === 'cross-platform' ? 'on a security key or another device' : 'created') + '.');
      step = 'register';
      const made = await P.request('POST', '/diagnostics/registration', { run: start.run, credential: P.credentialJSON(credential) });
      mark(step, 'ok', 'it would be named "' + made.name + '"' + (made.provider ? ' (provider ' + made.provider + ')'
        : ' (provider not in the list; AAGUID ' + made.aaguid + ')') + ', user verified: ' + yes(made.userVerified)
        + ', synced: ' + yes(made.synced) + '.');
      step = 'sign-in-options';
      const options = await P.request('POST', '/diagnostics/authentication/options', { run: start.run });
      mark(step, 'ok', 'allowing the test passkey only.');
      step = 'get';
      mark(step, 'running', 'follow your browser\'s prompt…');
      const assertion = await navigator.credentials.get({ publicKey: P.requestOptions(options) });
      mark(step, 'ok', 'signed.');
      step = 'verify';
      const verified = await P.request('POST', '/diagnostics/authentication', { run: start.run, credential: P.credentialJSON(assertion) });
      mark(step, 'ok', 'signature valid, user verified: ' + yes(verified.userVerified) + '. Nobody was signed in.');
      result.textContent = 'All steps passed: passkeys work on this site in this browser.' + forget(rpId, created);
      result.dataset.outcome = 'passed';
    } catch (error) {
      mark(step, 'failed', failure(error));
      result.textContent = 'The test stopped at "' + STEPS.find(s => s[0] === step)[1] + '". ' + failure(error)
        + forget(rpId, created);
      result.dataset.outcome = 'failed';
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  // The server already forgot the test passkey; ask the passkey provider to hide it too (WebAuthn Signal API).
  function forget(rpId, credentialId) {
    if (!credentialId) return '';
    const pkc = window.PublicKeyCredential;
    if (typeof pkc.signalUnknownCredential === 'function') {
      pkc.signalUnknownCredential({ rpId, credentialId }).catch(() => {});
      return ' The server forgot the test passkey, and your passkey provider was asked to remove it.';
    }
    return ' The server forgot the test passkey; delete "Passkeys test (safe to delete)" from your password manager.';
  }

  function start() {
    const root = document.getElementById('passkeys-diagnostics');
    if (!root) return;
    const allowed = JSON.parse(root.dataset.origins || '[]');
    const v = verdict(root.dataset.rpId, allowed);
    const verdictText = document.getElementById('diag-verdict');
    verdictText.textContent = v.text;
    verdictText.dataset.verdict = v.ok ? 'ok' : 'bad';
    const facts = document.getElementById('diag-browser');
    browserFacts(facts).finally(() => { facts.dataset.loaded = 'true'; });
    const button = document.getElementById('diag-run');
    const list = document.getElementById('diag-steps');
    const result = document.getElementById('diag-result');
    if (typeof window.PublicKeyCredential !== 'function') {
      button.disabled = true;
      result.textContent = 'This browser does not support passkeys, so the test cannot run.';
      return;
    }
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') runTest(button, list, result);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
