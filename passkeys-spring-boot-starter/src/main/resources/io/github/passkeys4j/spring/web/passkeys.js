/*
 * Passkeys for Java — the browser client. One file, no dependencies, no build step.
 *
 *   <script src="/passkeys/passkeys.js" defer></script>        (under a context path: th:src="@{/passkeys/passkeys.js}")
 *   <button type="button" data-passkey-signin>Sign in with a passkey</button>
 *   <input name="username" autocomplete="username webauthn">   (offers passkeys in the browser's autofill)
 *   <p data-passkey-error role="alert"></p>
 *
 * The CSRF token is read from Spring's <meta name="_csrf"> / <meta name="_csrf_header">. Options and responses use the
 * W3C JSON forms: native PublicKeyCredential.parse…FromJSON / toJSON() where the browser has them, a base64url
 * fallback elsewhere. Also exposed as window.Passkeys.
 */
(function () {
  'use strict';

  // The endpoints live next to this script (so a context path or another passkeys.base-path needs no setting), unless
  // the tag names them: <script src="…/passkeys.js" data-passkeys-base="/app/passkeys">.
  const script = document.currentScript;
  const basePath = script && script.dataset.passkeysBase ? script.dataset.passkeysBase.replace(/\/+$/, '')
    : script ? new URL(script.src, location.href).pathname.replace(/\/[^/]*$/, '') : '/passkeys';

  /** A refused request: `problem` is the server's RFC 9457 body (detail, reason, …). */
  class PasskeyError extends Error {
    constructor(message, problem) {
      super(message);
      this.name = 'PasskeyError';
      this.problem = problem || null;
    }
  }

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header && token.content && header.content ? { [header.content]: token.content } : {};
  }

  async function request(method, path, body) {
    const response = await fetch(basePath + path, {
      method,
      credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json, application/problem+json' },
        body === undefined ? {} : { 'Content-Type': 'application/json' }, csrfHeaders()),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!response.ok) {
      const detail = json && json.detail ? json.detail
        : response.status === 403 ? 'The request was refused (the page may be out of date: reload it).'
        : 'The server refused the request (HTTP ' + response.status + ').';
      throw new PasskeyError(detail, json || { status: response.status });
    }
    return json;
  }

  // --- base64url and the JSON forms, for browsers without parse…FromJSON / toJSON() -------------------------------
  function toBuffer(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    return Uint8Array.from(binary, c => c.charCodeAt(0)).buffer;
  }

  function toBase64url(buffer) {
    if (!buffer) return undefined;
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(d => Object.assign({}, d, { id: toBuffer(d.id) }));
  }

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: toBuffer(json.challenge),
      user: Object.assign({}, json.user, { id: toBuffer(json.user.id) }),
      excludeCredentials: descriptors(json.excludeCredentials),
    });
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return Object.assign({}, json, {
      challenge: toBuffer(json.challenge),
      allowCredentials: descriptors(json.allowCredentials),
    });
  }

  function credentialJSON(credential) {
    if (typeof credential.toJSON === 'function') {
      return credential.toJSON();
    }
    const r = credential.response;
    const response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      if (r.userHandle) response.userHandle = toBase64url(r.userHandle);
    }
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response,
    };
  }

  // --- ceremonies -------------------------------------------------------------------------------------------------
  let autofill = null; // the AbortController of a pending conditional (autofill) request
  let autofillTimer = null; // restarts the pending autofill request shortly before its options' timeout
  let autofillStopped = false; // the user chose another way to sign in: no more automatic restarts
  let autofillRestarts = []; // when autofill was restarted after a failure, for the budget below
  const AUTOFILL_RESTARTS = 3; // at most this many restarts after a failure…
  const AUTOFILL_WINDOW = 60000; // …per minute
  const AUTOFILL_RETRY_DELAY = 500;

  function cancelAutofill() {
    clearTimeout(autofillTimer);
    autofillTimer = null;
    if (autofill) {
      autofill.abort(new DOMException('Replaced by another sign-in', 'AbortError'));
      autofill = null;
    }
  }

  /** Cancels autofill and keeps it from restarting by itself (the user clicked the button or sent the password). */
  function stopAutofill() {
    autofillStopped = true;
    cancelAutofill();
  }

  function isSupported() {
    return typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
  }

  const PLAIN = Object.freeze({
    NotAllowedError: 'The passkey request was cancelled or timed out. Try again, or sign in with your password.',
    InvalidStateError: 'This device already has a passkey for your account.',
    SecurityError: 'Passkeys are not set up correctly for this site (the site\'s address does not match). '
      + 'Please tell the site\'s support.',
    NotSupportedError: 'This device or browser cannot create a suitable passkey.',
  });

  /**
   * Browser errors in plain words for the page; the technical detail goes to the console. AbortError means we
   * cancelled it ourselves: it is returned as is, and callers ignore it.
   */
  function explain(error) {
    if (error instanceof PasskeyError) return error;
    const name = error && error.name;
    if (name === 'AbortError') return error;
    console.warn('[passkeys]', name || 'Error', error && error.message || error);
    if (name === 'TimeoutError') return new PasskeyError(PLAIN.NotAllowedError);
    return new PasskeyError(PLAIN[name] || 'Something went wrong with the passkey. Try again, or sign in with your password.');
  }

  async function finishSignIn(options, credential) {
    let result;
    try {
      result = await request('POST', '/authentication', credentialJSON(credential));
    } catch (error) {
      signalUnknown(options, error);
      throw error;
    }
    await signalAccepted();
    return result;
  }

  /** A username-less sign-in. Resolves to {redirectUrl}. */
  async function signIn() {
    if (!isSupported()) throw new PasskeyError('This browser does not support passkeys.');
    stopAutofill();
    const options = await request('POST', '/authentication/options');
    let credential;
    try {
      credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    } catch (error) {
      throw explain(error);
    }
    return finishSignIn(options, credential);
  }

  /**
   * Offers passkeys in the autofill of inputs with autocomplete="… webauthn". Resolves to {redirectUrl} or null. The
   * request never goes stale: it is restarted with fresh options shortly before their timeout, and silently after the
   * browser cancels it or the server finds its challenge expired (a few times a minute at most, and not once the user
   * clicked the passkey button or sent the password form).
   */
  async function startAutofill() {
    autofillStopped = false;
    return runAutofill();
  }

  /** Whether autofill may restart after a failure now; counts the restart if so. */
  function mayRestartAutofill() {
    if (autofillStopped) return false;
    const now = Date.now();
    autofillRestarts = autofillRestarts.filter(t => now - t < AUTOFILL_WINDOW);
    if (autofillRestarts.length >= AUTOFILL_RESTARTS) return false;
    autofillRestarts.push(now);
    return true;
  }

  async function restartAutofill(delay) {
    if (delay) await new Promise(resolve => setTimeout(resolve, delay));
    return autofillStopped ? null : runAutofill();
  }

  /** When to restart a pending request with fresh options: a little before `timeout` (ms) elapses. */
  function refreshDelay(timeout) {
    if (typeof timeout !== 'number' || !(timeout > 0)) return null;
    return Math.max(timeout - Math.min(30000, timeout / 4), 1000);
  }

  async function runAutofill() {
    if (!isSupported() || typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function'
        || !(await PublicKeyCredential.isConditionalMediationAvailable())) {
      return null;
    }
    cancelAutofill();
    const controller = new AbortController();
    autofill = controller;
    const options = await request('POST', '/authentication/options');
    if (controller.signal.aborted || autofillStopped) return null;
    let refreshed = false;
    const delay = refreshDelay(options.timeout);
    if (delay) {
      autofillTimer = setTimeout(() => {
        if (autofill !== controller) return;
        refreshed = true;
        controller.abort(new DOMException('Refreshed before the challenge expires', 'AbortError'));
      }, delay);
    }
    let credential;
    try {
      credential = await navigator.credentials.get({
        publicKey: requestOptions(options), mediation: 'conditional', signal: controller.signal });
    } catch (error) {
      if (autofill === controller) {
        clearTimeout(autofillTimer);
        autofill = null;
      }
      if (refreshed) return restartAutofill(0);
      if (controller.signal.aborted || (error && error.name === 'AbortError')) return null;
      if (error && (error.name === 'NotAllowedError' || error.name === 'TimeoutError')) {
        // Cancelled or timed out without the user choosing a passkey: offer them again, quietly.
        return mayRestartAutofill() ? restartAutofill(AUTOFILL_RETRY_DELAY) : null;
      }
      throw explain(error);
    }
    if (autofill === controller) {
      clearTimeout(autofillTimer);
      autofill = null;
    }
    try {
      return await finishSignIn(options, credential);
    } catch (error) {
      const reason = error && error.problem && error.problem.reason;
      if ((reason === 'CHALLENGE_EXPIRED' || reason === 'CHALLENGE_UNKNOWN') && mayRestartAutofill()) {
        return restartAutofill(0);
      }
      throw error;
    }
  }

  /** Adds a passkey to the signed-in account. Resolves to the new passkey's public view. */
  async function register(name) {
    if (!isSupported()) throw new PasskeyError('This browser does not support passkeys.');
    stopAutofill();
    const options = await request('POST', '/registration/options');
    let credential;
    try {
      credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
    } catch (error) {
      throw explain(error);
    }
    return request('POST', '/registration', { credential: credentialJSON(credential), name: name || null });
  }

  function listPasskeys() {
    return request('GET', '/credentials');
  }

  /**
   * WebAuthn Signal API, for the signed-in user: tells the passkey provider which passkeys the site still accepts (so
   * it hides deleted ones) and the user's current names. Does nothing where the browser lacks the API; never throws.
   */
  async function signalAccepted() {
    const pkc = window.PublicKeyCredential;
    if (!pkc || (typeof pkc.signalAllAcceptedCredentials !== 'function'
        && typeof pkc.signalCurrentUserDetails !== 'function')) {
      return false;
    }
    try {
      const s = await request('GET', '/signals');
      if (!s || !s.userId) return false;
      const calls = [];
      if (typeof pkc.signalAllAcceptedCredentials === 'function') {
        calls.push(pkc.signalAllAcceptedCredentials({
          rpId: s.rpId, userId: s.userId, allAcceptedCredentialIds: s.allAcceptedCredentialIds }));
      }
      if (typeof pkc.signalCurrentUserDetails === 'function') {
        calls.push(pkc.signalCurrentUserDetails({
          rpId: s.rpId, userId: s.userId, name: s.name, displayName: s.displayName }));
      }
      await Promise.allSettled(calls);
      return true;
    } catch (e) {
      return false;
    }
  }

  /** WebAuthn Signal API: tell the provider a passkey the server no longer knows, so it can hide it. */
  function signalUnknown(options, error) {
    const problem = error && error.problem;
    if (problem && problem.reason === 'UNKNOWN_CREDENTIAL' && problem.credentialId
        && typeof PublicKeyCredential.signalUnknownCredential === 'function') {
      PublicKeyCredential.signalUnknownCredential({ rpId: options.rpId, credentialId: problem.credentialId })
        .catch(() => {});
    }
  }

  // --- wiring by data attributes ---------------------------------------------------------------------------------
  function showError(error, scope) {
    if (!error || error.name === 'AbortError') return;
    const target = (scope && scope.querySelector('[data-passkey-error]')) || document.querySelector('[data-passkey-error]');
    if (target) target.textContent = error.message;
    else console.warn('[passkeys]', error.message);
  }

  function wire() {
    document.querySelectorAll('[data-passkey-signin]').forEach(button => {
      button.addEventListener('click', async event => {
        event.preventDefault();
        showError({ message: '' });
        button.disabled = true;
        try {
          const result = await signIn();
          location.assign(result.redirectUrl);
        } catch (error) {
          showError(explain(error));
        } finally {
          button.disabled = false;
        }
      });
    });
    const autofillInput = document.querySelector('input[autocomplete~="webauthn"]');
    if (autofillInput) {
      if (autofillInput.form) autofillInput.form.addEventListener('submit', stopAutofill);
      startAutofill()
        .then(result => { if (result) location.assign(result.redirectUrl); })
        .catch(error => showError(explain(error)));
    }
    document.dispatchEvent(new CustomEvent('passkeys:ready'));
  }

  window.Passkeys = Object.freeze({
    basePath, signIn, startAutofill, cancelAutofill, stopAutofill, register, list: listPasskeys, request, explain, signalAccepted,
    PasskeyError,
    // The JSON forms, for pages that run their own ceremonies (the diagnostics page).
    creationOptions, requestOptions, credentialJSON,
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
