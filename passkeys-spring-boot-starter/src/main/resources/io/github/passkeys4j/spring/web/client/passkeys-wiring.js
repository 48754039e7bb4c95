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
        const result = await signIn();
        location.assign(result.redirectUrl);
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
      .then(result => { if (result) location.assign(result.redirectUrl); })
      .catch(async error => showError(await explained(error)));
  }
  wireSignUp();
  texts().then(() => document.dispatchEvent(new CustomEvent('passkeys:ready')));
}

window.Passkeys = Object.freeze({
  basePath, signIn, signUp, signInWithUsername, startAutofill, cancelAutofill, stopAutofill, register, list: listPasskeys, request, explain, signalAccepted,
  PasskeyError, texts, text, language,
  stepUp, withStepUp,
  // The JSON forms, for pages that run their own ceremonies (the diagnostics page).
  creationOptions, requestOptions, credentialJSON,
});

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
else wire();
