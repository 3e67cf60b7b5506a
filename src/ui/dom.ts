/**
 * A small element builder. Text goes in as text nodes only: sheet text can never become markup.
 * Thai words the browser's dictionary would split are kept whole on a line (thai.ts).
 */
import { thaiNodes } from './thai';

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: {
    class?: string;
    text?: string;
    attrs?: Record<string, string>;
    on?: Record<string, (e: Event) => void>;
  } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  // An <option> shows only text: its words cannot be wrapped, and need not be (it never wraps).
  if (props.text !== undefined) node.replaceChildren(...(tag === 'option' ? [props.text] : thaiNodes(props.text)));
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const [k, f] of Object.entries(props.on ?? {})) node.addEventListener(k, f);
  for (const c of children) {
    if (typeof c === 'string') node.append(...thaiNodes(c));
    else if (c) node.append(c);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
}

/** Sets an element's text (as text nodes), Thai words kept whole. */
export function setText(id: string, text: string): HTMLElement {
  const node = byId(id);
  node.replaceChildren(...thaiNodes(text));
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}
