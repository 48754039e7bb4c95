/* Passkeys for Java — the passkeys page: lists the signed-in user's passkeys and adds new ones. Needs passkeys.js. */
(function () {
  'use strict';

  const relative = typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;
  const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  function timeElement(iso) {
    const time = document.createElement('time');
    const date = new Date(iso);
    time.dateTime = iso;
    time.title = date.toLocaleString();
    const seconds = (date.getTime() - Date.now()) / 1000;
    const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
    time.textContent = !relative ? date.toLocaleString()
      : unit ? relative.format(Math.round(seconds / unit[1]), unit[0]) : relative.format(0, 'second');
    return time;
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function icon(provider) {
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    const src = provider && ((dark ? provider.iconDark : provider.iconLight) || provider.iconLight || provider.iconDark);
    const img = element('img', 'passkey-icon');
    img.alt = '';
    img.width = 32;
    img.height = 32;
    if (src && src.startsWith('data:image/')) img.src = src;
    else img.classList.add('passkey-icon-generic');
    return img;
  }

  function item(passkey) {
    const li = element('li', 'passkey');
    li.dataset.credentialId = passkey.id;
    li.appendChild(icon(passkey.provider));
    const body = element('div', 'passkey-body');
    const title = element('div', 'passkey-title');
    title.appendChild(element('span', 'passkey-name', passkey.name));
    title.appendChild(element('span', 'passkey-badge ' + (passkey.synced ? 'synced' : 'device-bound'),
      passkey.synced ? 'Synced' : 'This device only'));
    if (passkey.current) title.appendChild(element('span', 'passkey-badge current', 'Used for this sign-in'));
    if (!passkey.enabled) title.appendChild(element('span', 'passkey-badge disabled', 'Disabled'));
    body.appendChild(title);
    const meta = element('div', 'passkey-meta');
    meta.appendChild(element('span', 'passkey-provider', passkey.provider ? passkey.provider.name : 'Unknown provider'));
    meta.appendChild(document.createTextNode(' · Added '));
    meta.appendChild(timeElement(passkey.createdAt));
    meta.appendChild(document.createTextNode(' · '));
    if (passkey.lastUsedAt) {
      meta.appendChild(document.createTextNode('Last used '));
      meta.appendChild(timeElement(passkey.lastUsedAt));
    } else {
      meta.appendChild(document.createTextNode('Never used'));
    }
    if (passkey.transports && passkey.transports.length) {
      meta.appendChild(element('span', 'passkey-transports', ' · ' + passkey.transports.join(', ')));
    }
    body.appendChild(meta);
    li.appendChild(body);
    return li;
  }

  function status(text) {
    document.querySelectorAll('[data-passkey-status]').forEach(el => { el.textContent = text; });
  }

  function error(text) {
    document.querySelectorAll('[data-passkey-error]').forEach(el => { el.textContent = text; });
  }

  async function render() {
    const list = document.querySelector('[data-passkey-list]');
    if (!list) return;
    const passkeys = await window.Passkeys.list();
    list.replaceChildren(...passkeys.map(item));
    const empty = document.getElementById('passkeys-empty');
    if (empty) empty.hidden = passkeys.length > 0;
  }

  function wire() {
    const form = document.getElementById('add-passkey-form');
    if (form) {
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const button = form.querySelector('button');
        const name = form.querySelector('input[name="name"]');
        error('');
        status('Follow your browser\'s prompt to create the passkey…');
        button.disabled = true;
        try {
          const passkey = await window.Passkeys.register(name ? name.value.trim() : '');
          if (name) name.value = '';
          await render();
          status('Passkey added: ' + passkey.name + '.');
        } catch (e) {
          status('');
          if (e.name !== 'AbortError') error(window.Passkeys.explain(e).message);
        } finally {
          button.disabled = false;
        }
      });
    }
    render().catch(e => error(window.Passkeys.explain(e).message));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
