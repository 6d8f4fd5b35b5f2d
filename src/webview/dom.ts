interface ElementOptions {
  readonly className?: string;
  /** Inserted as text, never parsed as HTML: the matrix shows the team's own words. */
  readonly text?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Creates an element with its text and attributes set through the DOM, never through markup. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text for screen readers that is not shown. */
export function hiddenText(text: string): HTMLSpanElement {
  return element('span', { className: 'visually-hidden', text });
}
