/**
 * Thai line breaking: the browser breaks Thai text at dictionary word boundaries, and its dictionary
 * (ICU) splits a few words the sidebar shows in the wrong place ("อย่างน้อยห|นึ่ง", "กร|อก",
 * "เป็นก|รัม"). Such a word goes in a <span class="nw"> (white-space: nowrap): the text around it is
 * segmented exactly as before, and no break can fall inside it. No character is added to the text.
 */

/** Words ICU's Thai dictionary mis-segments in the sidebar's texts (found by segmenting all of them). */
export const KEEP_WHOLE = ['หนึ่ง', 'กรอก', 'กรัม', 'อะพอสทรอฟี'];

const PATTERN = new RegExp(KEEP_WHOLE.join('|'), 'g');
const THAI = /[\u0E01-\u0E5B]/;

/** The text as nodes: the words above each in a no-wrap span, the rest as plain text. */
export function thaiNodes(text: string): Array<string | HTMLElement> {
  if (!THAI.test(text)) return [text];
  const out: Array<string | HTMLElement> = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const span = document.createElement('span');
    span.className = 'nw';
    span.textContent = m[0];
    out.push(span);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
