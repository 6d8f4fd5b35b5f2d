import * as vscode from 'vscode';
import { AGENT_TOOLS, briefAnswer, gapsAnswer, productAnswer, scopeAnswer } from '../../core/brief/agentTools';
import type { Selection } from '../../core/brief/scopeFacts';
import type { Lookup } from '../../core/notes/scopeLookup';
import type { NoteIndex } from '../../core/index/noteIndex';
import { toToolResult } from '../../workspace/convert';
import type { ScopeRoots } from '../../workspace/scopeRoots';
import { addSectionTool, type AddSectionInput } from './addSectionTool';
import { researchLmTools } from './researchLmTools';

/**
 * The language-model tools (package.json's languageModelTools): the scope, its gaps, a product's notes and
 * the research brief, read-only and without confirmation, add_section, which asks first, and the research tools
 * (researchLmTools.ts). They answer through the same functions as the MCP server, from the notes as the editor
 * has them (unsaved edits included), of the current scope (the active note's, with several in the window).
 */
export function registerLanguageModelTools(roots: ScopeRoots): {
  disposables: vscode.Disposable[];
  addSection: vscode.LanguageModelTool<AddSectionInput>;
  setScore: vscode.LanguageModelTool<Record<string, unknown>>;
} {
  const readOnly = (answer: (index: NoteIndex, selection: Selection) => Lookup<string>): vscode.LanguageModelTool<Selection> => ({
    async invoke({ input }) {
      const notes = (await roots.whenReady())?.notes;
      if (!notes) throw new Error('No folder is open: there are no research notes to read.');
      const answered = answer(notes.index, selectionOf(input));
      // A thrown error's message goes back to the model, which can then ask again with a name that exists.
      if (!answered.ok) throw new Error(answered.message);
      return toToolResult(answered.value);
    },
  });
  const addSection = addSectionTool(roots);
  const research = researchLmTools(roots);
  const disposables = [
    vscode.lm.registerTool(
      AGENT_TOOLS.scope.lm,
      readOnly((index) => ({ ok: true, value: scopeAnswer(index) })),
    ),
    vscode.lm.registerTool(AGENT_TOOLS.gaps.lm, readOnly(gapsAnswer)),
    vscode.lm.registerTool(
      AGENT_TOOLS.product.lm,
      readOnly((index, selection) =>
        selection.product === undefined
          ? { ok: false, message: 'Name a product by its id, name or alias.' }
          : productAnswer(index, { ...selection, product: selection.product }),
      ),
    ),
    vscode.lm.registerTool(AGENT_TOOLS.brief.lm, readOnly(briefAnswer)),
    vscode.lm.registerTool(AGENT_TOOLS.addSection.lm, addSection),
    ...research.disposables,
  ];
  return { disposables, addSection, setScore: research.setScore };
}

/** The product and category the model named, as strings; anything else it sent is ignored. */
function selectionOf(input: unknown): Selection {
  const { product, category } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  return { ...(typeof product === 'string' ? { product } : {}), ...(typeof category === 'string' ? { category } : {}) };
}
