/** What a page gets from acquireVsCodeApi: posting to the extension, and a state that survives hiding and reloads. */
export interface WebviewApi<Message, State> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): WebviewApi<unknown, unknown>;

/** May be called once per page: each page's entry calls it once, typed with its own messages and state. */
export function acquireWebviewApi<Message, State>(): WebviewApi<Message, State> {
  return acquireVsCodeApi() as WebviewApi<Message, State>;
}

/** The saved state over the defaults: what a page saved may be from an older version of it, or nothing. */
export function restoreState<State extends object>(api: WebviewApi<unknown, State>, defaults: State): State {
  const saved = api.getState();
  return saved && typeof saved === 'object' ? { ...defaults, ...(saved as Partial<State>) } : defaults;
}
