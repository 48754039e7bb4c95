/*
 * Passkeys for Java — the developer diagnostics page (<base>/diagnostics, passkeys.diagnostics.enabled=true): what
 * this browser reports, whether this page's address may run passkeys, and a test of both ceremonies step by step.
 * Needs passkeys.js first. The test runs against throwaway server-side stores: it stores nothing and signs nobody in.
 * Its texts are the page's (passkeys.diagnostics.* in the request's language, in a JSON <script>), filled in by t(key, values).
 */
(function () {
  'use strict';

  let TEXTS = null;
  function t(key, values) {
    if (!TEXTS) {
      const block = document.querySelector('script[data-passkeys-diagnostics-texts]');
      TEXTS = block ? JSON.parse(block.textContent) : {};
    }
    const text = TEXTS[key] || key;
    return text.replace(/\{([a-zA-Z]+)}/g, (all, name) => values && name in values ? String(values[name]) : all);
  }

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

  const yes = value => value === true ? t('yes') : value === false ? t('no') : t('not-reported');

  // "http://localhost:*" allows any port of localhost, "https://*.example.com" any subdomain over https on the
  // default port (the server's rules, see RelyingParty.Builder#origins).
  function originAllowed(origin, allowed) {
    const url = new URL(origin);
    return allowed.some(a => a === origin
      || (a.endsWith(':*') && url.hostname === 'localhost' && a.slice(0, -2) === url.protocol + '//localhost')
      || (a.startsWith('https://*.') && url.protocol === 'https:' && url.port === ''
        && url.hostname.endsWith(a.slice('https://*'.length))
        && url.hostname.length > a.length - 'https://*'.length));
  }

  /** The verdict on this page's address: { ok, text }. */
  function verdict(rpId, allowed) {
    const origin = location.origin;
    const host = location.hostname;
    if (!window.isSecureContext) {
      return { ok: false, text: t('verdict.insecure') };
    }
    if (host !== rpId && !host.endsWith('.' + rpId)) {
      return { ok: false, text: t('verdict.wrong-host', { host, rpId }) };
    }
    if (!originAllowed(origin, allowed)) {
      return { ok: false, text: t('verdict.wrong-origin', { origin, allowed: allowed.join(', ') }) };
    }
    return { ok: true, text: t('verdict.ok', { origin, rpId }) };
  }

  async function call(fn) {
    try { return await fn(); } catch (e) { return undefined; }
  }

  async function browserFacts(list) {
    const pkc = window.PublicKeyCredential;
    const row = (name, value) => list.append(el('div', { class: 'passkeys-setting' },
      el('dt', { text: name }), el('dd', { text: value })));
    row(t('fact.address'), location.origin);
    row(t('fact.secure'), yes(window.isSecureContext));
    row(t('fact.webauthn'), yes(typeof pkc === 'function'));
    if (typeof pkc !== 'function') return;
    row(t('fact.platform'), yes(
      typeof pkc.isUserVerifyingPlatformAuthenticatorAvailable === 'function'
        ? await call(() => pkc.isUserVerifyingPlatformAuthenticatorAvailable()) : undefined));
    row(t('fact.autofill'), yes(typeof pkc.isConditionalMediationAvailable === 'function'
      ? await call(() => pkc.isConditionalMediationAvailable()) : undefined));
    const capabilities = typeof pkc.getClientCapabilities === 'function'
      ? await call(() => pkc.getClientCapabilities()) : undefined;
    if (!capabilities) {
      row(t('fact.capabilities'), yes(undefined));
      return;
    }
    const keys = Object.keys(capabilities).sort();
    row(t('fact.has'), keys.filter(k => capabilities[k] === true).join(', ') || t('none'));
    row(t('fact.lacks'), keys.filter(k => capabilities[k] !== true).join(', ') || t('none'));
  }

  // --- the test ---------------------------------------------------------------------------------------------------
  const STEPS = ['options', 'create', 'register', 'sign-in-options', 'get', 'verify'];
  const stepName = id => t('step.' + id);

  function failure(error) {
    const problem = error && error.problem;
    if (problem && problem.detail) {
      return t('refused', { reason: problem.reason ? ' (' + problem.reason + ')' : '', detail: problem.detail });
    }
    const plain = window.Passkeys.explain(error);
    const technical = error && error.name && error.name !== 'PasskeyError' ? ' (' + error.name + ': ' + error.message + ')' : '';
    return (plain && plain.message ? plain.message : String(error)) + technical;
  }

  async function runTest(button, list, result) {
    const P = window.Passkeys;
    list.replaceChildren(...STEPS.map(id => el('li', { 'data-step': id, 'data-state': 'waiting' },
      el('span', { class: 'passkeys-step-name', text: stepName(id) }), ' ',
      el('span', { class: 'passkeys-step-result', text: t('state.waiting') }))));
    result.textContent = t('running');
    delete result.dataset.outcome;
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>.
    button.setAttribute('aria-disabled', 'true');
    const mark = (id, state, text) => {
      const item = list.querySelector('[data-step="' + id + '"]');
      item.dataset.state = state;
      item.querySelector('.passkeys-step-result').textContent =
        state === 'ok' ? t('state.done', { text }) : state === 'failed' ? t('state.failed', { text }) : text;
    };
    let step = STEPS[0];
    let created = null;
    let rpId = null;
    try {
      const start = await P.request('POST', '/diagnostics/registration/options');
      rpId = start.options.rp.id;
      mark(step, 'ok', t('result.options', { rpId, uv: start.options.authenticatorSelection.userVerification,
        seconds: Math.round(start.options.timeout / 1000) }));
      step = 'create';
      mark(step, 'running', t('prompt'));
      const credential = await navigator.credentials.create({ publicKey: P.creationOptions(start.options) });
      created = credential.id;
      const where = { platform: t('result.platform'), 'cross-platform': t('result.cross-platform') };
      mark(step, 'ok', where[credential.authenticatorAttachment] || t('result.created'));
      step = 'register';
      const made = await P.request('POST', '/diagnostics/registration', { run: start.run, credential: P.credentialJSON(credential) });
      mark(step, 'ok', t('result.named', { name: made.name }) + ' '
        + (made.provider ? t('result.provider', { provider: made.provider }) : t('result.no-provider', { aaguid: made.aaguid }))
        + ', ' + t('result.flags', { uv: yes(made.userVerified), synced: yes(made.synced) }));
      step = 'sign-in-options';
      const options = await P.request('POST', '/diagnostics/authentication/options', { run: start.run });
      mark(step, 'ok', t('result.allow'));
      step = 'get';
      mark(step, 'running', t('prompt'));
      const assertion = await navigator.credentials.get({ publicKey: P.requestOptions(options) });
      mark(step, 'ok', t('result.signed'));
      step = 'verify';
      const verified = await P.request('POST', '/diagnostics/authentication', { run: start.run, credential: P.credentialJSON(assertion) });
      mark(step, 'ok', t('result.verified', { uv: yes(verified.userVerified) }));
      result.textContent = t('passed') + forget(rpId, created);
      result.dataset.outcome = 'passed';
    } catch (error) {
      mark(step, 'failed', failure(error));
      result.textContent = t('stopped', { step: stepName(step), why: failure(error) }) + forget(rpId, created);
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
      return ' ' + t('forgot-signalled');
    }
    return ' ' + t('forgot');
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
      result.textContent = t('unsupported');
      return;
    }
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') runTest(button, list, result);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
