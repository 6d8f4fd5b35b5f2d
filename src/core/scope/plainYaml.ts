import { CORE_SCHEMA, EVENT_ID, constructFromEvents, parseEvents, type Event } from 'js-yaml';

/**
 * The data of a YAML text that is plain YAML: one document, no directives, tags, anchors or aliases. Read by
 * js-yaml, which builds plain data and keeps no positions, where the `yaml` library builds a node for every key
 * and value: the cheap read for the common case. Undefined for anything else: an error, repeated keys (js-yaml
 * refuses them), or a text that uses what the two libraries might read differently (`!!float 1`, `%YAML 1.1`);
 * the caller then reads the text with the `yaml` library, which says where the problems are. A carriage return
 * alone ends a line for js-yaml, not for the `yaml` library (it stays inside a comment): such a text is left to the latter.
 */
export function plainYamlData(text: string, maxDepth: number): { readonly data: unknown } | undefined {
  const events = plainEvents(text, maxDepth);
  if (!events) return undefined;
  try {
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
    return documents.length === 1 ? { data: documents[0] } : undefined;
  } catch {
    return undefined;
  }
}

/** js-yaml's events of a plain YAML text (see plainYamlData); undefined for an error or anything not plain. */
export function plainEvents(text: string, maxDepth: number): Event[] | undefined {
  if (/\r(?!\n)/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch {
    return undefined;
  }
  for (const event of events) {
    if (event.type === EVENT_ID.ALIAS || (event.type === EVENT_ID.DOCUMENT && event.directives.length > 0)) return undefined;
    if (event.type !== EVENT_ID.DOCUMENT && event.type !== EVENT_ID.POP && (event.anchorStart >= 0 || event.tagStart >= 0)) return undefined;
  }
  return events;
}
