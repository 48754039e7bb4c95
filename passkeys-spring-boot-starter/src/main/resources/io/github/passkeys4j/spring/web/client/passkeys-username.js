// --- username-first sign-in (security keys) ----------------------------------------------------------------------
/**
 * A username-first sign-in, for security keys and other passkeys the browser does not offer by itself: the server
 * lists the account's keys for the username (or stand-ins no key answers, so nobody learns who has an account).
 * Resolves to {redirectUrl}.
 */
async function signInWithUsername(username) {
  if (!isSupported()) throw await plainError('error.no-passkeys');
  stopAutofill();
  const options = await request('POST', '/authentication/options', { username });
  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
  } catch (error) {
    // No key for this username and a cancelled request look alike on purpose: the words say both.
    if (error && (error.name === 'NotAllowedError' || error.name === 'TimeoutError')) {
      console.warn('[passkeys]', error.name, error.message);
      throw await plainError('error.no-key-answered');
    }
    throw await explained(error);
  }
  return finishSignIn(options, credential);
}

/** Forms with data-passkey-username-signin: their input name="username", then the key. */
function wireUsernameSignIn() {
  document.querySelectorAll('form[data-passkey-username-signin]').forEach(form => {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const input = form.querySelector('input[name="username"]');
      const button = form.querySelector('button[type="submit"], button:not([type])');
      const status = form.querySelector('[data-passkey-status]');
      const username = input ? input.value.trim() : '';
      showError({ message: '' }, form);
      if (!username) {
        if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
        showError(await plainError('error.username-required'), form);
        return;
      }
      input.setAttribute('aria-invalid', 'false');
      if (button) button.disabled = true;
      await texts();
      if (status) status.textContent = text('username.touch-key');
      try {
        signedIn(await signInWithUsername(username));
      } catch (error) {
        if (status) status.textContent = '';
        showError(await explained(error), form);
        input.focus();
      } finally {
        if (button) button.disabled = false;
      }
    });
  });
}
