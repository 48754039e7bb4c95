// --- automatic passkey upgrade and the immediate sign-in button ----------------------------------------------------
//   <div data-passkey-upgrade hidden></div>   on the page after sign-in: a passkey is offered there; its data-state
//   says what happened: none, dismissed, conditional, created or prompt
//   <button type="button" data-passkey-immediate="#username" hidden>Sign in</button>   on the login page
const ATTACHMENT = 'passkeys.attachment'; // sessionStorage: the last passkey sign-in's authenticatorAttachment

function capabilities() {
  const pkc = window.PublicKeyCredential;
  return isSupported() && typeof pkc.getClientCapabilities === 'function'
    ? pkc.getClientCapabilities().catch(() => ({})) : Promise.resolve({});
}

function remembered(key) {
  try { return localStorage.getItem(key); } catch (e) { return null; }
}

function remember(key, value) {
  try { localStorage.setItem(key, value); } catch (e) { /* private mode: asked again next time */ }
}

/**
 * Right after a password sign-in: the browser may create a passkey without a prompt. Resolves to true when it did,
 * false when it declined (NotAllowedError: show the prompt instead); other errors only go to the console.
 */
async function conditionalCreate() {
  stopAutofill();
  try {
    const options = await request('POST', '/upgrade/options');
    const credential = await navigator.credentials.create({
      publicKey: creationOptions(options), mediation: 'conditional' });
    await request('POST', '/registration', { credential: credentialJSON(credential), name: null });
    document.dispatchEvent(new CustomEvent('passkeys:upgraded'));
    return true;
  } catch (error) {
    console.warn('[passkeys] automatic passkey upgrade:', error && error.name, error && error.message);
    return error && error.name === 'NotAllowedError' ? false : null;
  }
}

function element(tag, attributes, content) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (content) node.textContent = content;
  return node;
}

/** The visible offer: `kind` is "upgrade" (after a password) or "device" (after a passkey from another device). */
function showPrompt(box, kind, key) {
  const title = element('h2', { id: 'passkey-upgrade-title' },
    text(kind === 'device' ? 'upgrade.device-title' : 'upgrade.title'));
  const create = element('button', { type: 'button', class: 'primary', 'data-passkey-upgrade-create': '' },
    text('upgrade.create'));
  const dismiss = element('button', { type: 'button', 'data-passkey-upgrade-dismiss': '' }, text('upgrade.dismiss'));
  const status = element('p', { role: 'status', 'data-passkey-upgrade-status': '' });
  box.replaceChildren(title, element('p', {}, text(kind === 'device' ? 'upgrade.device-text' : 'upgrade.text')),
    element('p', { class: 'passkeys-upgrade-actions' }), status);
  box.children[2].append(create, ' ', dismiss);
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', title.id);
  if (language()) box.lang = language();
  box.hidden = false;
  box.dataset.state = 'prompt';
  dismiss.addEventListener('click', () => {
    remember(key, 'dismissed');
    box.hidden = true;
    box.dataset.state = 'dismissed';
    const heading = document.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  });
  create.addEventListener('click', async () => {
    create.disabled = true;
    status.textContent = text('upgrade.creating');
    try {
      await register(null);
      remember(key, 'created');
      box.dataset.state = 'created';
      box.replaceChildren(element('p', { role: 'status' }, text('upgrade.created')));
      document.dispatchEvent(new CustomEvent('passkeys:upgraded'));
    } catch (error) {
      const plain = await explained(error);
      status.textContent = plain.name === 'AbortError' ? '' : plain.message;
      create.disabled = false;
    }
  });
}

async function wireUpgrade(box) {
  let state;
  try {
    state = await request('GET', '/upgrade');
  } catch (e) {
    box.dataset.state = 'none';
    return; // off (passkeys.upgrade.enabled=false), or signed out: nothing to offer
  }
  let attachment = null;
  try { attachment = sessionStorage.getItem(ATTACHMENT); } catch (e) { /* no storage: no offer */ }
  const kind = state.signedInWith === 'password' && !state.hasPasskeys ? 'upgrade'
    : state.signedInWith === 'passkey' && attachment === 'cross-platform' ? 'device' : null;
  const key = 'passkeys.upgrade.' + state.account;
  if (!kind || remembered(key)) {
    box.dataset.state = kind ? 'dismissed' : 'none';
    return;
  }
  if (kind === 'upgrade' && (await capabilities()).conditionalCreate) {
    box.dataset.state = 'conditional';
    const created = await conditionalCreate();
    if (created) box.dataset.state = 'created';
    if (created !== false) return; // created, or failed in a way a prompt would not fix
  }
  await texts();
  showPrompt(box, kind, key);
}

/**
 * "Sign in" with immediate mediation: the browser shows its passkey sheet at once if it has a passkey for this site,
 * else refuses at once (NotAllowedError) and the user is sent to the form (the element the attribute names).
 */
function wireImmediate(button) {
  button.hidden = false;
  button.addEventListener('click', async event => {
    event.preventDefault();
    showError({ message: '' });
    stopAutofill();
    try {
      const options = await request('POST', '/authentication/options');
      const credential = await navigator.credentials.get({ publicKey: requestOptions(options), uiMode: 'immediate' });
      location.assign((await finishSignIn(options, credential)).redirectUrl);
    } catch (error) {
      if (error && error.name !== 'NotAllowedError') return showError(await explained(error));
      const fallback = document.querySelector(button.dataset.passkeyImmediate || 'input[autocomplete~="username"]');
      showError(await plainError('immediate.none'));
      if (fallback) fallback.focus();
      if (document.querySelector('input[autocomplete~="webauthn"]')) {
        startAutofill().then(r => { if (r) location.assign(r.redirectUrl); }).catch(() => {});
      }
    }
  });
}

async function wireJourneys() {
  const box = document.querySelector('[data-passkey-upgrade]');
  if (box && isSupported()) wireUpgrade(box);
  const immediate = document.querySelectorAll('[data-passkey-immediate]');
  if (immediate.length && (await capabilities()).immediateGet) immediate.forEach(wireImmediate);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireJourneys);
else wireJourneys();
