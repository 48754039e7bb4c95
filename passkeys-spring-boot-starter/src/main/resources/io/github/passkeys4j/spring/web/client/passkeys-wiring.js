// --- wiring by data attributes ---------------------------------------------------------------------------------
function showError(error, scope) {
  if (!error || error.name === 'AbortError') return;
  const target = (scope && scope.querySelector('[data-passkey-error]')) || document.querySelector('[data-passkey-error]');
  if (target) {
    target.textContent = error.message;
    // Our words may be in another language than the page around them (screen readers switch voice).
    if (error.message && language()) target.lang = language();
  }
  else console.warn('[passkeys]', error.message);
}

function wire() {
  document.querySelectorAll('[data-passkey-signin]').forEach(button => {
    button.addEventListener('click', async event => {
      event.preventDefault();
      showError({ message: '' });
      button.disabled = true;
      try {
        signedIn(await signIn());
      } catch (error) {
        showError(await explained(error));
      } finally {
        button.disabled = false;
      }
    });
  });
  const autofillInput = document.querySelector('input[autocomplete~="webauthn"]');
  if (autofillInput) {
    if (autofillInput.form) autofillInput.form.addEventListener('submit', stopAutofill);
    startAutofill()
      .then(signedIn)
      .catch(async error => showError(await explained(error)));
  }
  wireUsernameSignIn();
  wireRecovery();
  wireImmediate();
  wireParts();
  texts().then(() => document.dispatchEvent(new CustomEvent('passkeys:ready')));
}

// --- parts loaded only where a page needs them: sign-up, step-up, the upgrade offer --------------------------------
// PARTS (name → its file next to this one, with its version) is filled in by the server above this code. A part file
// hands its functions back through Passkeys._define, which the kit below reaches (not API: may change in any release).
const kit = { request, texts, text, language, isSupported, capabilities, plainError, explained, stopAutofill,
  holdAutofill, creationOptions, requestOptions, credentialJSON, register, showError };
const parts = {};
const waiting = {};

function part(name) {
  if (!parts[name]) {
    parts[name] = new Promise((resolve, reject) => {
      waiting[name] = resolve;
      const tag = document.createElement('script');
      tag.src = basePath + '/' + PARTS[name];
      tag.onerror = () => {
        delete parts[name]; // the next call tries again
        plainError('error.unavailable').then(reject);
      };
      document.head.append(tag);
    });
  }
  return parts[name];
}

function define(name, factory) {
  const resolve = waiting[name];
  delete waiting[name];
  if (resolve) resolve(factory(kit));
}

function signUp(details) {
  return part('signup').then(p => p.signUp(details));
}

function stepUp(continueTo) {
  return part('stepup').then(p => p.stepUp(continueTo));
}

/**
 * Runs `action` (a function returning a promise, e.g. () => Passkeys.request('DELETE', …)). When the server asks for
 * a step-up (problem reason STEP_UP_REQUIRED), calls `onPrompt` (to tell the user why the passkey prompt appears),
 * runs the step-up and `action` once more. Any other error, or a step-up the user cancels, is thrown as is.
 */
async function withStepUp(action, onPrompt) {
  try {
    return await action();
  } catch (error) {
    if (!(error && error.problem && error.problem.reason === 'STEP_UP_REQUIRED')) throw error;
    if (typeof onPrompt === 'function') onPrompt();
    await stepUp(location.pathname + location.search);
    return action();
  }
}

/** Listens at once (a click before its part has loaded waits for it) and starts loading what the page has. */
function wireParts() {
  document.querySelectorAll('form[data-passkey-signup]').forEach(form => {
    part('signup').catch(() => {});
    form.addEventListener('submit', event => {
      event.preventDefault();
      part('signup').then(p => p.submit(form), error => showError(error, form));
    });
  });
  document.querySelectorAll('[data-passkey-step-up]').forEach(button => {
    part('stepup').catch(() => {});
    button.addEventListener('click', event => {
      event.preventDefault();
      part('stepup').then(p => p.click(button), showError);
    });
  });
  offerUpgrade();
}

/** The passkey upgrade offer in [data-passkey-upgrade]: at load, and again when a single-page app signs in. */
function offerUpgrade(element) {
  // Also as an event listener, whose argument is the event.
  const box = element instanceof Element ? element : document.querySelector('[data-passkey-upgrade]');
  if (!box || !isSupported()) return Promise.resolve();
  return part('upgrade').then(p => p.offer(box), () => { box.dataset.state = 'none'; });
}

window.Passkeys = Object.freeze({
  basePath, signIn, signUp, signInWithUsername, startAutofill, cancelAutofill, stopAutofill, register, list: listPasskeys, request, explain, signalAccepted,
  PasskeyError, texts, text, language,
  stepUp, withStepUp, offerUpgrade,
  // The JSON forms, for pages that run their own ceremonies (the diagnostics page).
  creationOptions, requestOptions, credentialJSON,
  _define: define,
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
else wire();
