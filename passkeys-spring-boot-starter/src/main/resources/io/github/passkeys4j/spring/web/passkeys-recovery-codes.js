/*
 * Passkeys for Java — recovery codes on the passkeys page: <passkeys-recovery-codes></passkeys-recovery-codes> says how
 * many codes are left and makes a new set (after a confirmation), shown once with copy, download and print. Placed
 * after <passkeys-manager> when the page has none. In a recovery session (the page opened with ?recovery) it asks the
 * user to add a passkey and then to sign in with it. Needs passkeys.js first.
 */
(function () {
  'use strict';

  const t = (key, values) => window.Passkeys.text(key, values);
  const recovering = new URLSearchParams(location.search).has('recovery');

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

  class PasskeysRecoveryCodes extends HTMLElement {
    async connectedCallback() {
      if (this.started) return;
      this.started = true;
      await window.Passkeys.texts();
      if (window.Passkeys.language()) this.lang = window.Passkeys.language();
      if (recovering) return this.recoveryBanner();
      this.count = el('p', { id: 'recovery-codes-count', class: 'passkeys-recovery-count' });
      this.status = el('p', { class: 'passkeys-status', role: 'status', 'aria-live': 'polite' });
      this.error = el('p', { class: 'passkeys-error', role: 'alert' });
      this.fresh = el('div', { id: 'recovery-codes-new', class: 'passkeys-recovery-new', hidden: true, tabindex: '-1',
        'aria-labelledby': 'recovery-codes-new-heading' });
      this.create = el('button', { id: 'recovery-codes-create', type: 'button', class: 'secondary',
        text: t('recovery.create'), onclick: () => this.dialog.showModal() });
      this.dialog = this.confirmDialog();
      this.replaceChildren(el('section', { class: 'passkeys-card passkeys-recovery', 'aria-labelledby': 'recovery-codes-heading' },
        el('h2', { id: 'recovery-codes-heading', text: t('recovery.heading') }),
        el('p', { class: 'passkeys-hint', text: t('recovery.intro') }),
        this.count, this.create, this.status, this.error, this.fresh, this.dialog));
      this.refresh();
    }

    async refresh() {
      try {
        const counts = await window.Passkeys.request('GET', '/recovery-codes');
        this.count.textContent = counts.remaining > 0
          ? t('recovery.remaining', { remaining: counts.remaining, total: counts.total }) : t('recovery.none');
      } catch (e) {
        this.hidden = true; // recovery codes are off, or this session may not see them
      }
    }

    confirmDialog() {
      const dialog = el('dialog', { id: 'recovery-codes-dialog', class: 'passkeys-dialog',
        'aria-labelledby': 'recovery-codes-dialog-title', 'aria-describedby': 'recovery-codes-dialog-text' },
        el('h2', { id: 'recovery-codes-dialog-title', text: t('recovery.confirm-title') }),
        el('p', { id: 'recovery-codes-dialog-text', text: t('recovery.confirm-text') }),
        el('div', { class: 'passkeys-dialog-actions' },
          el('button', { type: 'button', class: 'recovery-codes-cancel secondary', text: t('manage.cancel'),
            onclick: () => { dialog.close(); this.create.focus(); } }),
          el('button', { type: 'button', id: 'recovery-codes-confirm', text: t('recovery.confirm'),
            onclick: () => { dialog.close(); this.regenerate(); } })));
      return dialog;
    }

    async regenerate() {
      this.error.textContent = '';
      this.status.textContent = t('recovery.creating');
      this.create.disabled = true;
      try {
        // The app may ask for a recent passkey confirmation first (step-up): the prompt, then the request once more.
        const result = await window.Passkeys.withStepUp(
          () => window.Passkeys.request('POST', '/recovery-codes', {}),
          () => { this.status.textContent = t('step-up.confirming'); });
        this.show(result.codes);
        this.status.textContent = t('recovery.created');
        this.refresh();
      } catch (e) {
        this.status.textContent = '';
        this.error.textContent = window.Passkeys.explain(e).message;
      } finally {
        this.create.disabled = false;
      }
    }

    // Shown once: a list to read or copy, a plain-text file, and a print view of only the codes.
    show(codes) {
      const plain = t('recovery.file-title', { site: location.host }) + '\n\n' + codes.join('\n') + '\n\n'
        + t('recovery.file-hint') + '\n';
      const copied = el('span', { class: 'passkeys-status', role: 'status', 'aria-live': 'polite' });
      this.fresh.replaceChildren(
        el('h3', { id: 'recovery-codes-new-heading', text: t('recovery.new-heading') }),
        el('p', { text: t('recovery.new-intro') }),
        el('ol', { id: 'recovery-codes-list', class: 'passkeys-recovery-list', translate: 'no' },
          codes.map(code => el('li', {}, el('code', { text: code })))),
        el('div', { class: 'passkeys-recovery-actions' },
          el('button', { type: 'button', id: 'recovery-codes-copy', class: 'secondary', text: t('recovery.copy'),
            onclick: async () => {
              try { await navigator.clipboard.writeText(plain); copied.textContent = t('recovery.copied'); }
              catch (e) { copied.textContent = t('recovery.copy-failed'); }
            } }),
          el('a', { id: 'recovery-codes-download', class: 'passkeys-button secondary', download: 'recovery-codes.txt',
            href: 'data:text/plain;charset=utf-8,' + encodeURIComponent(plain), text: t('recovery.download') }),
          el('button', { type: 'button', id: 'recovery-codes-print', class: 'secondary', text: t('recovery.print'),
            onclick: () => this.print() }),
          el('button', { type: 'button', id: 'recovery-codes-done', text: t('recovery.done'),
            onclick: () => { this.fresh.hidden = true; this.fresh.replaceChildren(); this.create.focus(); } })),
        copied);
      this.fresh.hidden = false;
      this.fresh.focus();
    }

    print() {
      document.documentElement.classList.add('passkeys-printing-codes');
      window.addEventListener('afterprint', () => document.documentElement.classList.remove('passkeys-printing-codes'),
        { once: true });
      window.print();
    }

    // A recovery session: add a passkey (the manager above), then sign in with it to end the recovery.
    recoveryBanner() {
      const signIn = el('button', { id: 'recovery-sign-in', type: 'button', hidden: true, text: t('recovery.sign-in'),
        onclick: async () => {
          signIn.disabled = true;
          try { location.assign((await window.Passkeys.signIn()).redirectUrl); }
          catch (e) { message.textContent = window.Passkeys.explain(e).message; }
          finally { signIn.disabled = false; }
        } });
      const message = el('p', { id: 'recovery-message', role: 'status', 'aria-live': 'polite', text: t('recovery.session') });
      const banner = el('section', { class: 'passkeys-card passkeys-recovery-banner', 'aria-labelledby': 'recovery-heading' },
        el('h2', { id: 'recovery-heading', text: t('recovery.session-heading') }), message, signIn);
      this.replaceChildren(banner);
      const manager = document.querySelector('passkeys-manager');
      if (manager) manager.before(this);
      document.addEventListener('passkeys:added', () => {
        message.textContent = t('recovery.session-added');
        signIn.hidden = false;
        signIn.focus();
      });
    }
  }

  customElements.define('passkeys-recovery-codes', PasskeysRecoveryCodes);

  function place() {
    const manager = document.querySelector('passkeys-manager');
    if (manager && !document.querySelector('passkeys-recovery-codes')) {
      manager.after(document.createElement('passkeys-recovery-codes'));
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place);
  else place();
})();
