/*
 * Passkeys for Java — the passkey manager: <passkeys-manager></passkeys-manager> lists the signed-in user's passkeys
 * (provider, synced or device-bound, created and last used, transports) and lets them add, rename, disable, enable and
 * delete them. Needs passkeys.js first. The starter's /passkeys/manage page is just this element; put it in your own
 * page to embed it. Renders into the light DOM, so passkeys.css (or yours) styles it.
 */
(function () {
  'use strict';

  const relative = typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;
  const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  // A plain key, for passkeys whose provider is not in the list.
  const GENERIC_ICON = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    + '<circle cx="8" cy="12" r="4.5" fill="none" stroke="#5f6b7a" stroke-width="2"/>'
    + '<path d="M12.5 12H21v3M18 12v2.5" fill="none" stroke="#5f6b7a" stroke-width="2" stroke-linecap="round"/></svg>');

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat().forEach(child => child && node.append(child));
    return node;
  }

  function time(iso) {
    const date = new Date(iso);
    const seconds = (date.getTime() - Date.now()) / 1000;
    const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
    const text = !relative ? date.toLocaleString()
      : unit ? relative.format(Math.round(seconds / unit[1]), unit[0]) : relative.format(0, 'second');
    return el('time', { datetime: iso, title: date.toLocaleString(), text });
  }

  function icon(provider) {
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    const src = provider && ((dark ? provider.iconDark : provider.iconLight) || provider.iconLight || provider.iconDark);
    const safe = src && src.startsWith('data:image/') ? src : GENERIC_ICON;
    return el('img', { class: 'passkey-icon' + (safe === GENERIC_ICON ? ' passkey-icon-generic' : ''), src: safe, alt: '',
      width: 32, height: 32 });
  }

  class PasskeysManager extends HTMLElement {
    connectedCallback() {
      if (this.rendered) return;
      this.rendered = true;
      this.passkeys = [];
      this.status = el('p', { class: 'passkeys-status', role: 'status', 'aria-live': 'polite', 'data-passkey-status': true });
      this.error = el('p', { class: 'passkeys-error', role: 'alert', 'data-passkey-error': true });
      this.list = el('ul', { id: 'passkeys', class: 'passkeys-list', 'aria-labelledby': 'passkeys-list-heading' });
      this.empty = el('p', { id: 'passkeys-empty', class: 'passkeys-empty', hidden: true, text: 'You have no passkeys yet.' });
      this.syncHint = el('p', { id: 'passkeys-sync-hint', class: 'passkeys-hint-box', hidden: true,
        text: 'None of your passkeys is synced: if you lose this device, you lose them. Add another passkey, '
          + 'for example in your phone\'s password manager, to keep a way in.' });
      this.dialog = this.deleteDialog();
      const name = el('input', { id: 'passkey-name', name: 'name', type: 'text', maxlength: 64, autocomplete: 'off',
        placeholder: 'e.g. Work laptop' });
      const form = el('form', { id: 'add-passkey-form', class: 'passkeys-add', onsubmit: e => this.add(e, name) },
        el('label', { for: 'passkey-name' }, 'Name ', el('span', { class: 'passkeys-hint', text: '(optional — we name it after its provider)' })),
        name,
        el('button', { id: 'add-passkey', type: 'submit', text: 'Add a passkey' }));
      this.replaceChildren(
        el('section', { class: 'passkeys-card', 'aria-labelledby': 'passkeys-add-heading' },
          el('h2', { id: 'passkeys-add-heading', text: 'Add a passkey' }), form),
        this.status, this.error,
        el('section', { 'aria-labelledby': 'passkeys-list-heading' },
          el('h2', { id: 'passkeys-list-heading', text: 'Passkeys on this account' }), this.syncHint, this.empty, this.list),
        this.dialog);
      this.refresh().catch(e => this.fail(e));
    }

    say(text) { this.status.textContent = text; }

    fail(error) {
      if (error && error.name === 'AbortError') return;
      this.say('');
      this.error.textContent = window.Passkeys.explain(error).message;
    }

    async refresh() {
      this.passkeys = await window.Passkeys.list();
      this.list.replaceChildren(...this.passkeys.map(p => this.item(p)));
      this.empty.hidden = this.passkeys.length > 0;
      this.syncHint.hidden = this.passkeys.length === 0 || this.passkeys.some(p => p.synced);
      window.Passkeys.signalAccepted();
    }

    item(passkey) {
      const rename = el('button', { type: 'button', class: 'passkey-rename', text: 'Rename',
        'aria-label': 'Rename ' + passkey.name, onclick: () => this.startRename(li, passkey) });
      const toggle = el('button', { type: 'button', class: 'passkey-toggle secondary', text: passkey.enabled ? 'Disable' : 'Enable',
        'aria-label': (passkey.enabled ? 'Disable ' : 'Enable ') + passkey.name, onclick: () => this.toggle(passkey) });
      const remove = el('button', { type: 'button', class: 'passkey-delete danger', text: 'Delete',
        'aria-label': 'Delete ' + passkey.name, onclick: () => this.confirmDelete(passkey) });
      // Each fact in its own span, so a line wraps between facts and never inside one.
      const facts = [
        el('span', { class: 'passkey-provider', text: passkey.provider ? passkey.provider.name : 'Unknown provider' }),
        el('span', { class: 'passkey-fact' }, 'Added ', time(passkey.createdAt)),
        el('span', { class: 'passkey-fact' }, passkey.lastUsedAt ? ['Last used ', time(passkey.lastUsedAt)] : 'Never used'),
        passkey.transports && passkey.transports.length
          ? el('span', { class: 'passkey-transports', text: passkey.transports.join(', ') }) : null,
      ].filter(Boolean);
      const meta = el('div', { class: 'passkey-meta' }, facts.flatMap((fact, i) => i ? [' · ', fact] : [fact]));
      const li = el('li', { class: 'passkey' + (passkey.enabled ? '' : ' is-disabled'), 'data-credential-id': passkey.id },
        icon(passkey.provider),
        el('div', { class: 'passkey-body' },
          el('div', { class: 'passkey-title' },
            el('span', { class: 'passkey-name', text: passkey.name }),
            el('span', { class: 'passkey-badge ' + (passkey.synced ? 'synced' : 'device-bound'),
              text: passkey.synced ? 'Synced' : 'This device only' }),
            passkey.current ? el('span', { class: 'passkey-badge current', text: 'Used for this sign-in' }) : null,
            passkey.enabled ? null : el('span', { class: 'passkey-badge disabled', text: 'Disabled' })),
          meta),
        el('div', { class: 'passkey-actions' }, rename, toggle, remove));
      return li;
    }

    async add(event, input) {
      event.preventDefault();
      const button = event.target.querySelector('button');
      this.error.textContent = '';
      this.say('Follow your browser\'s prompt to create the passkey…');
      button.disabled = true;
      try {
        const passkey = await window.Passkeys.register(input.value.trim());
        input.value = '';
        await this.refresh();
        this.say('Passkey added: ' + passkey.name + '.');
      } catch (e) {
        this.fail(e);
      } finally {
        button.disabled = false;
      }
    }

    startRename(li, passkey) {
      const input = el('input', { type: 'text', class: 'passkey-rename-input', maxlength: 64, value: passkey.name,
        'aria-label': 'New name for ' + passkey.name, required: true });
      const form = el('form', { class: 'passkey-rename-form', onsubmit: async e => {
        e.preventDefault();
        await this.change(passkey, { name: input.value }, 'Renamed to ' + input.value.trim() + '.');
      } }, input,
        el('button', { type: 'submit', class: 'passkey-rename-save', text: 'Save' }),
        el('button', { type: 'button', class: 'passkey-rename-cancel secondary', text: 'Cancel',
          onclick: () => this.refresh().catch(e => this.fail(e)) }));
      li.querySelector('.passkey-title').replaceWith(form);
      input.focus();
      input.select();
    }

    toggle(passkey) {
      return this.change(passkey, { enabled: !passkey.enabled },
        passkey.enabled ? passkey.name + ' is disabled: it cannot sign in until you enable it.' : passkey.name + ' is enabled.');
    }

    async change(passkey, body, done) {
      this.error.textContent = '';
      try {
        await window.Passkeys.request('PATCH', '/credentials/' + encodeURIComponent(passkey.id), body);
        await this.refresh();
        this.say(done);
      } catch (e) {
        this.fail(e);
      }
    }

    deleteDialog() {
      const dialog = el('dialog', { id: 'passkey-delete-dialog', class: 'passkeys-dialog', 'aria-labelledby': 'passkey-delete-title' },
        el('h2', { id: 'passkey-delete-title', text: 'Delete this passkey?' }),
        el('p', { id: 'passkey-delete-text' }),
        el('p', { id: 'passkey-delete-warning', class: 'passkeys-warning', hidden: true }),
        el('div', { class: 'passkey-actions' },
          el('button', { type: 'button', class: 'passkey-delete-cancel secondary', text: 'Cancel', onclick: () => dialog.close() }),
          el('button', { type: 'button', class: 'passkey-delete-confirm danger', text: 'Delete',
            onclick: () => { dialog.close(); this.remove(dialog.passkey); } })));
      return dialog;
    }

    confirmDelete(passkey) {
      this.dialog.passkey = passkey;
      this.dialog.querySelector('#passkey-delete-text').textContent = '"' + passkey.name + '" will no longer sign you in. '
        + 'Also remove it from ' + (passkey.provider ? passkey.provider.name : 'your device') + ' if you do not want it offered any more.';
      const warning = this.dialog.querySelector('#passkey-delete-warning');
      const last = this.passkeys.length === 1;
      warning.hidden = !last;
      warning.textContent = last ? 'This is your last passkey. After deleting it you can only sign in with your password.' : '';
      this.dialog.showModal();
      this.dialog.querySelector('.passkey-delete-cancel').focus();
    }

    async remove(passkey) {
      this.error.textContent = '';
      try {
        await window.Passkeys.request('DELETE', '/credentials/' + encodeURIComponent(passkey.id));
        await this.refresh();
        this.say('Deleted ' + passkey.name + '.');
      } catch (e) {
        this.fail(e);
      }
    }
  }

  if (!customElements.get('passkeys-manager')) customElements.define('passkeys-manager', PasskeysManager);
})();
