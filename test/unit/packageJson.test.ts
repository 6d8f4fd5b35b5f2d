import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AGENT_INPUTS, AGENT_TOOLS } from '../../src/core/brief/agentTools';
import { RESEARCH_INPUTS, RESEARCH_TOOLS } from '../../src/core/brief/researchToolSpecs';
import { DEFAULT_SEVERITIES, FINDING_CODES } from '../../src/core/notes/findings';
import { SCOPE_FILE_NAMES } from '../../src/core/scope/scopeModel';
import { repoRoot } from './helpers';

interface Manifest {
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    yamlValidation: Array<{ fileMatch: string | string[]; url: string }>;
    commands: Array<{ command: string; title: string; category: string; enablement?: string }>;
    menus: Record<string, Array<{ command: string; when?: string; group?: string }>>;
    languageModelTools: Array<{
      name: string;
      modelDescription: string;
      displayName: string;
      userDescription: string;
      tags: string[];
      canBeReferencedInPrompt: boolean;
      inputSchema: { properties: Record<string, { description: string }>; required?: string[] };
    }>;
    chatParticipants: Array<{ id: string; name: string; commands: Array<{ name: string; description: string }> }>;
    configuration: {
      properties: Record<
        string,
        {
          description?: string;
          markdownDescription?: string;
          scope?: string;
          properties?: Record<string, { default: string; description: string }>;
        }
      >;
    };
  };
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const diagnosticsDoc = readFileSync(path.join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');

describe('the extension manifest', () => {
  it('targets the VS Code its @types/vscode describes', () => {
    assert.equal(manifest.engines.vscode.replace(/^\^/, ''), manifest.devDependencies['@types/vscode']);
  });

  it('titles and categorizes every command, and menus name only commands that exist', () => {
    const ids = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const command of manifest.contributes.commands) {
      assert.ok(command.title && command.category === 'Competitor Scope', command.command);
    }
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(ids.has(item.command), `${menu} names ${item.command}`);
    }
  });

  it('offers the tree’s editing actions on the items they act on, disabled while the scope file is invalid', () => {
    const edits = ['addCategory', 'addProduct', 'addAxis', 'renameInScope', 'deleteFromScope', 'moveUp', 'moveDown'].map(
      (n) => `competitorScope.${n}`,
    );
    for (const id of edits) {
      assert.equal(manifest.contributes.commands.find((c) => c.command === id)?.enablement, '!competitorScope.scopeInvalid', id);
    }
    // The tree's contextValues (src/features/scopeTree.ts), and the items each action's menu entries show on.
    const items = ['category', 'product', 'product.noNote', 'axis.answered', 'axis.missing', 'axis.placeholder', 'axis.empty'];
    // A `when` of these entries is `view == … && (viewItem == X || viewItem =~ /R/ …)`: an item matches one of them.
    const shownOn = (when: string) =>
      items.filter((item) =>
        [...when.matchAll(/viewItem (==|=~) (\/(?:\\.|[^/])+\/|[\w.]+)/g)].some(([, op, value]) =>
          op === '==' ? value === item : new RegExp(value.slice(1, -1)).test(item),
        ),
      );
    const menu = (id: string) => manifest.contributes.menus['view/item/context'].filter((m) => m.command === id);
    for (const id of ['renameInScope', 'deleteFromScope', 'moveUp', 'moveDown']) {
      assert.deepEqual(shownOn(menu(`competitorScope.${id}`)[0].when ?? ''), items, id);
    }
    assert.deepEqual(
      menu('competitorScope.addProduct').map((m) => [m.group, shownOn(m.when ?? '')]),
      [
        ['inline', ['category']],
        ['2_edit@1', ['category']],
      ],
    );
    assert.deepEqual(shownOn(menu('competitorScope.addAxis')[0].when ?? ''), ['category', 'product', 'product.noNote']);
    for (const entry of edits.flatMap(menu)) assert.match(entry.when ?? '', /^view == competitorScope\.tree && /);
  });

  it('starts on, and validates, a scope file by either of its names', () => {
    for (const name of SCOPE_FILE_NAMES) {
      assert.ok(manifest.activationEvents.includes(`workspaceContains:**/${name}`), name);
      assert.ok(
        manifest.contributes.yamlValidation.some(
          (v) => [v.fileMatch].flat().includes(name) && v.url === './scope/competitor-scope.schema.json',
        ),
        name,
      );
    }
  });

  it('describes every setting and gives it a scope', () => {
    for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(setting.description ?? setting.markdownDescription, `${name} has no description`);
      assert.ok(setting.scope, `${name} has no scope`);
    }
  });

  it('has a severity setting for every note diagnostic, defaulting to the engine’s severity', () => {
    const severities = manifest.contributes.configuration.properties['competitorScope.severity'].properties ?? {};
    const noteCodes = FINDING_CODES.filter((code) => code !== 'invalid-scope');
    assert.deepEqual(Object.keys(severities).sort(), [...noteCodes].sort());
    for (const code of noteCodes) assert.equal(severities[code].default, DEFAULT_SEVERITIES[code], code);
  });

  it('documents every diagnostic code in docs/diagnostics.md, where its link points', () => {
    for (const code of FINDING_CODES) assert.ok(diagnosticsDoc.includes(`<a id="${code}"></a>\`${code}\``), code);
  });

  it('declares the language-model tools the MCP server has, with its descriptions and inputs', () => {
    const tools = manifest.contributes.languageModelTools;
    const research = Object.values(RESEARCH_TOOLS).flatMap((t) => ('lm' in t ? [{ ...t, lm: t.lm }] : []));
    const specs = [...Object.values(AGENT_TOOLS), ...research];
    assert.deepEqual(
      tools.map((t) => t.name),
      specs.map((t) => t.lm),
    );
    assert.deepEqual(
      research.map((t) => t.name),
      ['search_notes', 'list_stale', 'get_battlecard', 'compare_products', 'set_score', 'mark_reviewed'],
    );
    const inputs: Record<string, string> = { ...AGENT_INPUTS, ...RESEARCH_INPUTS };
    for (const spec of specs) {
      const tool = tools.find((t) => t.name === spec.lm)!;
      assert.equal(tool.modelDescription, spec.description, spec.lm);
      assert.equal(tool.displayName, spec.title, spec.lm);
      assert.ok(tool.userDescription, spec.lm);
      assert.deepEqual(tool.tags, ['competitor-scope'], spec.lm);
      assert.equal(tool.canBeReferencedInPrompt, true, spec.lm);
      for (const [input, schema] of Object.entries(tool.inputSchema.properties)) {
        assert.equal(schema.description, inputs[input], `${spec.lm} ${input}`);
      }
    }
    const required = (name: string) => tools.find((t) => t.name === name)?.inputSchema.required;
    assert.deepEqual(required(AGENT_TOOLS.addSection.lm), ['product', 'axis', 'text']);
    assert.deepEqual(required(RESEARCH_TOOLS.setScore.lm), ['product', 'axis', 'score']);
    assert.deepEqual(required(RESEARCH_TOOLS.markReviewed.lm), ['product', 'axis']);
  });

  it('declares @competitor-scope with /gaps, /brief and /compare', () => {
    const [participant] = manifest.contributes.chatParticipants;
    assert.equal(participant.name, 'competitor-scope');
    assert.deepEqual(
      participant.commands.map((c) => c.name),
      ['gaps', 'brief', 'compare'],
    );
    for (const command of participant.commands) assert.ok(command.description, command.name);
  });
});
