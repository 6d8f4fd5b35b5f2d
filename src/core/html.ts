/** Team text as HTML text or an attribute value: every character that could open markup or close a quote is a numeric reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
