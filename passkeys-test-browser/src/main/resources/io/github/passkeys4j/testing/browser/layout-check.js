// What a person would see as broken on this page at this width, from element geometry; [] when nothing.
// - the page scrolls sideways (document wider than the window);
// - a text box narrower than a word: a word that would fit on a line (at most 60% of the window and 320 px wide)
//   is broken over lines, or sticks out of its box or of the window;
// - a button not fully visible: scrolled to, it is not fully inside the window, or something else covers its centre.
// With a modal dialog open, only the dialog is checked (the backdrop covers the rest on purpose).
return (() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > innerWidth) {
    problems.push(`the page is ${root.scrollWidth} px wide in a ${innerWidth} px window (sideways scrolling)`);
  }
  const scope = document.querySelector('dialog:modal') || document.body;
  // checkVisibility(): also false inside a closed <details> (its content is content-visibility: hidden, not drawn).
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
  // Screen-reader-only text (a 1 px box that clips, or clip/clip-path) is hidden on purpose.
  const visuallyHidden = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e), r = e.getBoundingClientRect();
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      if ((r.width <= 1 || r.height <= 1) && style.overflow !== 'visible') return true;
    }
    return false;
  };
  const describe = el => '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '') + '>';
  const limit = Math.min(innerWidth * 0.6, 320);
  const measure = document.createElement('canvas').getContext('2d');
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, noscript, template, title') || !shown(el) || visuallyHidden(el)) continue;
    const style = getComputedStyle(el);
    measure.font = style.font;
    const box = el.getBoundingClientRect();
    // A line may end after a hyphen ("Passkey-|Seite", as typesetters do): each part is a word of its own.
    for (const match of node.data.matchAll(/[^\s-]+-*|-+/g)) {
      const word = match[0];
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + word.length);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      const lines = new Set(rects.map(r => Math.round(r.top))).size;
      const width = measure.measureText(word).width;
      if (lines > 1 && width <= limit) {
        problems.push(`"${word}" (${Math.round(width)} px) is broken over ${lines} lines in ${describe(el)}, `
          + `${Math.round(box.width)} px wide`);
      }
      const left = Math.min(...rects.map(r => r.left));
      const right = Math.max(...rects.map(r => r.right));
      if (left < box.left - 1 || right > box.right + 1) {
        problems.push(`"${word}" sticks out of ${describe(el)} (${Math.round(left)}–${Math.round(right)} px, `
          + `box ${Math.round(box.left)}–${Math.round(box.right)} px)`);
      } else if (left < -1 || right > innerWidth + 1) {
        problems.push(`"${word}" is outside the window (${Math.round(left)}–${Math.round(right)} px)`);
      }
    }
  }
  const scrollX = window.scrollX, scrollY = window.scrollY;
  const buttons = scope.querySelectorAll('button, [role="button"], a.button, input[type="submit"], input[type="button"]');
  for (const button of buttons) {
    if (!shown(button)) continue;
    button.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = button.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const label = `"${(button.innerText || button.value || '').trim()}" ${describe(button)}`;
    if (r.width < 1 || r.height < 1) {
      problems.push(`button ${label} has no size`);
    } else if (r.left < -0.5 || r.right > innerWidth + 0.5) {
      problems.push(`button ${label} is not fully inside the window (${Math.round(r.left)}–${Math.round(r.right)} px)`);
    } else if (!(top === button || button.contains(top))) {
      problems.push(`button ${label} is covered by ${top ? describe(top) : 'nothing drawn'}`);
    }
  }
  window.scrollTo(scrollX, scrollY);
  return problems;
})();
