// --- step-up: confirm it is you with a passkey before a sensitive action -------------------------------------
/**
 * Confirms the signed-in user with one of their own passkeys, user verification required. `continueTo`: a path on
 * this site to go to afterwards (else the page that asked for the step-up). Resolves to {redirectUrl}.
 */
async function stepUp(continueTo) {
  if (!isSupported()) throw await plainError('error.no-passkeys');
  stopAutofill();
  const options = await request('POST', '/step-up/options');
  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
  } catch (error) {
    throw await explained(error);
  }
  const body = { credential: credentialJSON(credential) };
  if (continueTo) body.returnTo = continueTo;
  return request('POST', '/step-up', body);
}

/** Whether a refused request asks for a step-up (problem reason STEP_UP_REQUIRED). */
function needsStepUp(error) {
  return !!(error && error.problem && error.problem.reason === 'STEP_UP_REQUIRED');
}

/**
 * Runs `action` (a function returning a promise, e.g. () => Passkeys.request('DELETE', …)). When the server asks for
 * a step-up, calls `onPrompt` (to tell the user why the passkey prompt appears), runs the step-up and `action` once
 * more. Any other error, or a step-up the user cancels, is thrown as is.
 */
async function withStepUp(action, onPrompt) {
  try {
    return await action();
  } catch (error) {
    if (!needsStepUp(error)) throw error;
    if (typeof onPrompt === 'function') onPrompt();
    await stepUp(location.pathname + location.search);
    return action();
  }
}

/** <button data-passkey-step-up>: runs the step-up, then goes where the server says (the page that asked for it). */
function wireStepUp() {
  document.querySelectorAll('[data-passkey-step-up]').forEach(button => {
    button.addEventListener('click', async event => {
      event.preventDefault();
      showError({ message: '' });
      button.disabled = true;
      try {
        const next = new URLSearchParams(location.search).get('returnTo');
        const result = await stepUp(next || undefined);
        location.assign(result.redirectUrl);
      } catch (error) {
        showError(await explained(error));
        button.disabled = false;
      }
    });
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireStepUp);
else wireStepUp();
