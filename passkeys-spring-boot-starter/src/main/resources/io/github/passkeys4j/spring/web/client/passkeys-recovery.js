// --- recovery with a recovery code ---------------------------------------------------------------------------------
// <form data-passkeys-recovery> with inputs named "username" and "code" and a [data-passkey-error] element: a right
// code signs in for recovery and opens the passkeys page to add a new passkey. Also window.PasskeysRecovery.recover.

/** POST <base>/recovery; resolves to {redirectUrl, codesLeft}, rejects with a PasskeyError in the user's words. */
function recover(username, code) {
  return request('POST', '/recovery', { username, code });
}

function wireRecovery() {
  document.querySelectorAll('form[data-passkeys-recovery]').forEach(form => {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const button = form.querySelector('button[type="submit"], button:not([type])');
      const username = form.elements.namedItem('username');
      const code = form.elements.namedItem('code');
      showError({ message: '' }, form);
      if (button) button.disabled = true;
      try {
        const result = await recover(username ? username.value.trim() : '', code ? code.value : '');
        location.assign(result.redirectUrl);
      } catch (error) {
        showError(await explained(error), form);
        if (code) code.focus();
      } finally {
        if (button) button.disabled = false;
      }
    });
  });
}

window.PasskeysRecovery = Object.freeze({ recover });
