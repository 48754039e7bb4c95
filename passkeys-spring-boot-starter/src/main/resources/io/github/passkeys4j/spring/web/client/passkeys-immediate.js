// --- immediate sign-in (README "Automatic passkey upgrade") -----------------------------------------------------
//   <button type="button" data-passkey-immediate="#username" hidden>Sign in</button>  on the login page
function capabilities() {
  const pkc = window.PublicKeyCredential;
  return isSupported() && pkc.getClientCapabilities ? pkc.getClientCapabilities().catch(() => ({}))
    : Promise.resolve({});
}

/** "Sign in": the passkey sheet at once if this device has one, else (NotAllowedError) on to the form. */
function immediateButton(button) {
  button.hidden = false;
  button.addEventListener('click', async event => {
    event.preventDefault();
    showError({ message: '' });
    stopAutofill();
    try {
      const options = await request('POST', '/authentication/options');
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options), uiMode: 'immediate' });
      signedIn(await finishSignIn(options, credential));
    } catch (error) {
      if (!error || error.name !== 'NotAllowedError') return showError(await explained(error));
      showError(await plainError('immediate.none'));
      const fallback = document.querySelector(button.dataset.passkeyImmediate || 'input[autocomplete~="username"]');
      if (fallback) fallback.focus();
      if (document.querySelector('input[autocomplete~="webauthn"]')) {
        startAutofill().then(signedIn, () => {});
      }
    }
  });
}

function wireImmediate() {
  const buttons = document.querySelectorAll('[data-passkey-immediate]');
  if (buttons.length) capabilities().then(c => { if (c.immediateGet) buttons.forEach(immediateButton); });
}
