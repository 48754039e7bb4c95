/*
 * Passkeys for Java — passkey-only sign-up, loaded by passkeys.js only on a page with <form data-passkey-signup> or
 * when Passkeys.signUp() is called (the sign-in page never downloads it).
 *   <form data-passkey-signup>
 *     <input name="username" autocomplete="username"> <input name="displayName" autocomplete="name">
 *     <button type="submit">Create account</button>
 *     <p data-passkey-signup-status role="status"></p> <p data-passkey-error role="alert"></p>
 *   </form>
 */
window.Passkeys._define('signup', k => {
'use strict';
const { request, texts, text, isSupported, plainError, explained, stopAutofill, creationOptions, credentialJSON,
  showError } = k;

// Browser errors while creating the first passkey, in sign-up words (no account exists to "sign in with password").
const SIGNUP_PLAIN = Object.freeze({
  NotAllowedError: 'signup.error.cancelled',
  TimeoutError: 'signup.error.cancelled',
  InvalidStateError: 'signup.error.already-registered',
});

/**
 * Creates an account with nothing but a passkey: {username, displayName?, name?} (name: the passkey's). Resolves to
 * the server's answer, {redirectUrl, username, signedIn, passkey, …} (the new user is signed in).
 */
async function signUp(details) {
  const d = details || {};
  if (!isSupported()) throw await plainError('signup.error.no-passkeys');
  stopAutofill();
  // The finish repeats who signs up: the options' challenge is sealed over it (the server keeps nothing meanwhile).
  const who = { username: typeof d.username === 'string' ? d.username : '', displayName: d.displayName || null };
  const options = await request('POST', '/sign-up/options', who);
  let credential;
  try {
    credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
  } catch (error) {
    if (error && SIGNUP_PLAIN[error.name]) {
      console.warn('[passkeys]', error.name, error.message);
      throw await plainError(SIGNUP_PLAIN[error.name]);
    }
    throw await explained(error);
  }
  try {
    return await request('POST', '/sign-up', {
      ...who, credential: credentialJSON(credential), name: d.name || null });
  } catch (error) {
    // A 4xx opened no account with the passkey just made: its provider may forget it.
    forgetRefused(options.rp.id, credential.id, error);
    throw error;
  }
}

/** Sends <form data-passkey-signup> (passkeys.js listens for its submit): username, displayName, status, error. */
async function submit(form) {
  const button = form.querySelector('[type="submit"]');
  const status = form.querySelector('[data-passkey-signup-status]');
  const username = form.elements.namedItem('username');
  const displayName = form.elements.namedItem('displayName');
  showError({ message: '' }, form);
  if (username) username.removeAttribute('aria-invalid');
  if (button) button.disabled = true;
  await texts();
  if (status) status.textContent = text('signup.working');
  try {
    const result = await signUp({
      username: username ? username.value : '', displayName: displayName ? displayName.value : null });
    if (Array.isArray(result.recoveryCodes) && result.recoveryCodes.length) {
      showSignUpCodes(form, result);
    } else {
      location.assign(result.redirectUrl);
    }
  } catch (error) {
    if (status) status.textContent = '';
    const reason = error && error.problem && error.problem.reason;
    if (username && (reason === 'USERNAME_TAKEN' || reason === 'INVALID_USERNAME')) {
      username.setAttribute('aria-invalid', 'true');
      username.focus();
    } else if (displayName && reason === 'INVALID_DISPLAY_NAME') {
      displayName.setAttribute('aria-invalid', 'true');
      displayName.focus();
    }
    showError(await explained(error), form);
  } finally {
    if (button) button.disabled = false;
  }
}

/** After sign-up: the new account's recovery codes, shown this once, in place of the form; then on to the app. */
function showSignUpCodes(form, result) {
  const section = document.createElement('section');
  section.setAttribute('data-passkey-signup-codes', '');
  section.setAttribute('aria-labelledby', 'passkeys-signup-codes-heading');
  const heading = document.createElement('h2');
  heading.id = 'passkeys-signup-codes-heading';
  heading.tabIndex = -1;
  heading.textContent = text('signup.codes-heading');
  const intro = document.createElement('p');
  intro.textContent = text('recovery.new-intro');
  const list = document.createElement('ol');
  list.className = 'passkeys-signup-codes';
  result.recoveryCodes.forEach(code => {
    const item = document.createElement('li');
    item.textContent = code;
    item.setAttribute('translate', 'no');
    list.append(item);
  });
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = text('recovery.copy');
  copy.addEventListener('click', () => navigator.clipboard.writeText(result.recoveryCodes.join('\n'))
    .then(() => { status.textContent = text('recovery.copied'); },
      () => { status.textContent = text('recovery.copy-failed'); }));
  const next = document.createElement('a');
  next.href = result.redirectUrl;
  next.textContent = text('signup.codes-continue');
  next.setAttribute('data-passkey-signup-continue', '');
  section.append(heading, intro, list, copy, status, next);
  form.replaceWith(section);
  heading.focus();
}

return { signUp, submit };
});
