/*
 * Passkeys for Java — the automatic upgrade (README "Automatic passkey upgrade"), loaded by passkeys.js only on a page
 * with <div data-passkey-upgrade hidden></div> (after sign-in); its data-state: none|dismissed|conditional|prompt|created.
 */
window.Passkeys._define('upgrade', k => {
'use strict';
const { request, texts, text, language, capabilities, stopAutofill, holdAutofill, creationOptions, credentialJSON,
  register, explained } = k;

function store(area, key, value) {
  try { return value === undefined ? window[area].getItem(key) : window[area].setItem(key, value); }
  catch (e) { return null; } // no storage (private mode): asked again next time
}

/** A silent create right after a password sign-in: true if made, false if the browser declined (then: prompt). */
async function conditionalCreate() {
  stopAutofill();
  const controller = new AbortController();
  let release = () => {};
  try {
    const options = await request('POST', '/upgrade/options');
    release = holdAutofill(controller); // so a modal ceremony started meanwhile (register, signIn) aborts this one
    const credential = await navigator.credentials.create({
      publicKey: creationOptions(options), mediation: 'conditional', signal: controller.signal });
    await request('POST', '/registration', { credential: credentialJSON(credential), name: null });
    return true;
  } catch (error) {
    console.warn('[passkeys] automatic upgrade:', error && error.name, error && error.message);
    return error && error.name === 'NotAllowedError' ? false : null;
  } finally {
    release();
  }
}

function node(tag, attributes, content) {
  const n = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => n.setAttribute(name, value));
  n.append(...content);
  return n;
}

/** The visible offer: after a password, or (`device`) after a passkey from another device. */
function showPrompt(box, device, key) {
  const create = node('button', { type: 'button', class: 'primary', 'data-passkey-upgrade-create': '' },
    [text('upgrade.create')]);
  const dismiss = node('button', { type: 'button', 'data-passkey-upgrade-dismiss': '' }, [text('upgrade.dismiss')]);
  const status = node('p', { role: 'status' }, []);
  box.replaceChildren(
    node('h2', { id: 'passkey-upgrade-title' }, [text(device ? 'upgrade.device-title' : 'upgrade.title')]),
    node('p', {}, [text(device ? 'upgrade.device-text' : 'upgrade.text')]), node('p', {}, [create, ' ', dismiss]),
    status);
  Object.assign(box, { hidden: false, lang: language() || '' });
  box.setAttribute('role', 'region');
  box.setAttribute('aria-labelledby', 'passkey-upgrade-title');
  box.dataset.state = 'prompt';
  dismiss.addEventListener('click', () => {
    store('localStorage', key, 'dismissed');
    box.hidden = true;
    box.dataset.state = 'dismissed';
    const heading = document.querySelector('h1'); // focus must not fall to the page's start unannounced
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  });
  create.addEventListener('click', async () => {
    create.disabled = true;
    status.textContent = text('upgrade.creating');
    try {
      await register(null);
      store('localStorage', key, 'created');
      box.replaceChildren(node('p', { role: 'status' }, [text('upgrade.created')]));
      box.dataset.state = 'created';
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
    box.dataset.state = 'none'; // off (passkeys.upgrade.enabled=false) or signed out
    return;
  }
  const device = state.signedInWith === 'passkey'
    && store('sessionStorage', 'passkeys.attachment') === 'cross-platform';
  const password = state.signedInWith === 'password';
  // A password sign-in on an account that has passkeys elsewhere: a silent conditional create only (the browser's
  // password manager decides; the account's passkeys are excluded), never a visible prompt.
  const silentOnly = password && state.hasPasskeys;
  const offer = device || password;
  const key = 'passkeys.upgrade.' + state.account;
  if (!offer || store('localStorage', key)) {
    box.dataset.state = offer ? 'dismissed' : 'none';
    return;
  }
  // Once per browser session for an account with passkeys: not a new request (and challenge) on every page view.
  const tried = 'passkeys.upgrade.tried.' + state.account;
  const conditional = !device && (await capabilities()).conditionalCreate;
  if (silentOnly && (store('sessionStorage', tried) || !conditional)) {
    box.dataset.state = 'none';
    return;
  }
  if (conditional) {
    store('sessionStorage', tried, '1');
    box.dataset.state = 'conditional';
    const created = await conditionalCreate();
    if (created) box.dataset.state = 'created';
    if (created !== false) return; // made, or failed in a way a prompt would not fix
    if (silentOnly) {
      box.dataset.state = 'none';
      return;
    }
  }
  await texts();
  showPrompt(box, device, key);
}

return { offer: wireUpgrade };
});
