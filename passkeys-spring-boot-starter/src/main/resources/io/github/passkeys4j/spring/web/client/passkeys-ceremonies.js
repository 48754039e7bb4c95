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

/** Makes `controller` the pending request a modal ceremony aborts (the upgrade's silent create); returns its release. */
function holdAutofill(controller) {
  autofill = controller;
  return () => { if (autofill === controller) autofill = null; };
}

/** Cancels autofill and keeps it from restarting by itself (the user clicked the button or sent the password). */
function stopAutofill() {
  autofillStopped = true;
  cancelAutofill();
}

function isSupported() {
  return typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

// Browser errors (DOMException names) → the keys of their plain words.
const PLAIN = Object.freeze({
  NotAllowedError: 'error.cancelled',
  TimeoutError: 'error.cancelled',
  InvalidStateError: 'error.already-registered',
  SecurityError: 'error.wrong-site',
  NotSupportedError: 'error.not-supported',
});

/**
 * Browser errors in plain words for the page, in the user's language; the technical detail goes to the console.
 * AbortError means we cancelled it ourselves: it is returned as is, and callers ignore it.
 */
function explain(error) {
  if (error instanceof PasskeyError) return error;
  const name = error && error.name;
  if (name === 'AbortError') return error;
  console.warn('[passkeys]', name || 'Error', error && error.message || error);
  return new PasskeyError(text(PLAIN[name] || 'error.generic'));
}

/** A PasskeyError saying the text of `key`, once the texts are there. */
async function plainError(key) {
  await texts();
  return new PasskeyError(text(key));
}

/** explain(), once the texts are there. */
async function explained(error) {
  await texts();
  return explain(error);
}

async function finishSignIn(options, credential) {
  // For the next page: after a passkey from another device (a phone), it offers one on this device (upgrade part).
  try { sessionStorage.setItem('passkeys.attachment', credential.authenticatorAttachment || ''); } catch (e) { }
  // "Remember me" (the app's http.rememberMe()): a ticked data-passkey-remember-me checkbox goes as the request
  // parameter of its name, where Spring Security's remember-me services look for it.
  const remember = document.querySelector('input[data-passkey-remember-me]');
  const query = remember && remember.checked ? '?' + encodeURIComponent(remember.name || 'remember-me') + '=true' : '';
  let result;
  try {
    result = await request('POST', '/authentication' + query, credentialJSON(credential));
  } catch (error) {
    signalUnknown(options, error);
    throw error;
  }
  await signalAccepted();
  return result || {};
}

/** A username-less sign-in. Resolves to {redirectUrl}. */
async function signIn() {
  if (!isSupported()) throw await plainError('error.no-passkeys');
  stopAutofill();
  const options = await request('POST', '/authentication/options');
  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
  } catch (error) {
    throw await explained(error);
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
    throw await explained(error);
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

/**
 * Adds a passkey to the signed-in account; kind 'security-key' asks for one kept on a security key (signed in with
 * the username first). Resolves to the new passkey's public view.
 */
async function register(name, kind) {
  if (!isSupported()) throw await plainError('error.no-passkeys');
  stopAutofill();
  const options = await request('POST', '/registration/options', kind ? { kind } : undefined);
  let credential;
  try {
    credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
  } catch (error) {
    throw await explained(error);
  }
  try {
    return await request('POST', '/registration', { credential: credentialJSON(credential), name: name || null });
  } catch (error) {
    forgetRefused(options.rp.id, credential.id, error);
    throw error;
  }
}

/**
 * A new passkey the server refused (4xx) is stored nowhere: ask its provider to forget it, where the browser can, so
 * no dead entry stays in the user's password manager. Never after a 5xx or a lost connection (it may be stored), nor
 * when it is a passkey the server already has.
 */
function forgetRefused(rpId, credentialId, error) {
  const problem = error && error.problem;
  const status = problem && problem.status;
  if (status >= 400 && status < 500 && problem.reason !== 'CREDENTIAL_ALREADY_REGISTERED'
      && typeof PublicKeyCredential.signalUnknownCredential === 'function') {
    PublicKeyCredential.signalUnknownCredential({ rpId, credentialId }).catch(() => {});
  }
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
