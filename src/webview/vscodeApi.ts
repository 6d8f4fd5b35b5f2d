import type { SortKey } from '../core/matrix/matrixView';
import type { FromWebview } from '../shared/matrixMessages';

/** The cell that holds the grid's one tab stop: a column of a row (null: the header row) of a table. */
export interface FocusedCell {
  readonly categoryId: string;
  readonly row: string | null;
  /** 'product', 'total' or an axis id. */
  readonly column: string;
}

/** What the webview keeps across hiding and reloads, through VS Code's getState/setState. */
export interface ViewState {
  /** A category id, or '' for all categories. */
  readonly category: string;
  readonly gapsOnly: boolean;
  /** Colour each competitor's cells by how it compares with our product. */
  readonly vsSubject: boolean;
  readonly staleOnly: boolean;
  readonly unsourcedOnly: boolean;
  /** While comparing with a point of history: only the rows with a changed cell. */
  readonly changedOnly: boolean;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly scrollTop: number;
  readonly focus: FocusedCell | null;
  /** The tables, or each category's charts. */
  readonly view: 'table' | 'charts';
  /** Per category id, the competitor its radar sets against our product; absent: every product. */
  readonly radarVs: Readonly<Record<string, string>>;
}

export const INITIAL_STATE: ViewState = {
  category: '',
  gapsOnly: false,
  staleOnly: false,
  unsourcedOnly: false,
  changedOnly: false,
  vsSubject: false,
  sort: 'scope',
  descending: false,
  scrollTop: 0,
  focus: null,
  view: 'table',
  radarVs: {},
};

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** May be called once per page, so the webview holds the one instance here. */
export const vscode = acquireVsCodeApi();

export function restoredState(): ViewState {
  const saved = vscode.getState();
  return saved && typeof saved === 'object' ? { ...INITIAL_STATE, ...(saved as Partial<ViewState>) } : INITIAL_STATE;
}
