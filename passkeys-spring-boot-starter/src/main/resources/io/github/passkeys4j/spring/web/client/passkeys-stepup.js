/*
 * Passkeys for Java — step-up: confirm it is you with a passkey before a sensitive action. Loaded by passkeys.js only
 * on a page with <button data-passkey-step-up> or when Passkeys.stepUp() runs (also through Passkeys.withStepUp).
 */
window.Passkeys._define('stepup', k => {
'use strict';
const { request, isSupported, plainError, explained, stopAutofill, requestOptions, credentialJSON, showError } = k;

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

/** A click on <button data-passkey-step-up>: the step-up, then where the server says (the page that asked for it). */
async function click(button) {
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
}

return { stepUp, click };
});
