import type { Scope } from '../scope/scopeModel';
import { AGENT_TOOLS } from './agentTools';

/** The skill's name: the open Agent Skills format wants it equal to its folder's name. */
export const SKILL_NAME = 'competitor-research';

/** Where agents look for skills, relative to the repository's root: GitHub Copilot's folder, and Claude Code's. */
export const SKILL_FOLDERS = { github: '.github/skills', claude: '.claude/skills' } as const;

/** markdownlint's default line length (MD013): the skill's paragraphs are wrapped to it. */
const LINE_LENGTH = 80;
/** A scope's title or subject longer than this is cut: the front matter's description has a limit (1,024). */
const NAME_LENGTH = 120;

/**
 * The agent skill (`SKILL.md`, the open Agent Skills format) that `init --skill` writes: how to research a
 * competitor with this tool's MCP server (or its command line), naming the scope's title and subject when known.
 * It passes markdownlint's default rules, whatever the scope's names hold.
 */
export function agentSkill(scope?: Pick<Scope, 'title' | 'subject' | 'scoring'>): string {
  const title = scope && plainName(scope.title);
  const subject = scope?.subject && plainName(scope.subject);
  const about = subject ? `the competitors of ${subject}` : 'competitors';
  const description =
    `Research ${about} with Competitor Scope: find the gaps in the team's research notes, read the brief, ` +
    'research each axis from primary sources and write a cited, dated, scored answer, then check the notes. ' +
    'Use when asked to research, compare or update what is known about a competitor.';
  const tools = AGENT_TOOLS;
  const code = (name: string) => `\`${name}\``;
  const score = scope?.scoring
    ? `a \`Score: N\` line from 0 to ${scope.scoring.scale}, as the brief's conventions describe`
    : "a `Score: N` line when the brief's conventions ask for one";
  const paragraphs = [
    `# Competitor research`,
    wrap(
      title
        ? `This repository keeps the team's competitor research for ${md(title)}${subject ? `, comparing ${md(subject)} with its competitors` : ''}: a scope file (\`competitor-scope.yaml\`) names the categories, products and axes, and one Markdown note per product answers each axis in a section of its own.`
        : "This repository keeps the team's competitor research: a scope file (`competitor-scope.yaml`) names the categories, products and axes, and one Markdown note per product answers each axis in a section of its own.",
    ),
    wrap(
      `Use the Competitor Scope MCP server's tools (in VS Code 1.101 and later the extension starts it; otherwise run \`npx competitor-scope mcp\`). Without them, the command line gives the same answers: \`npx competitor-scope brief PRODUCT\` and \`npx competitor-scope check\`.`,
    ),
    `## Steps`,
    [
      item(
        1,
        `Find the gaps: call ${code(tools.gaps.mcp)} (for a product, a category or every product). Each gap is an axis missing, empty or a placeholder, with its description and its note.`,
      ),
      item(
        2,
        `Read the brief: call ${code(tools.brief.mcp)} for the product. It gives the goal, what the notes already answer, the axes still to research, the note to write in and the conventions a section follows. Call ${code(tools.product.mcp)} for the answers as written.`,
      ),
      item(
        3,
        "Research each axis from primary sources: the vendor's documentation, pricing page, changelog and repository. Keep the address of every page a claim comes from. When the evidence is thin, stale or conflicting, say exactly what was found and what remains unknown; never guess.",
      ),
      item(
        4,
        `Write one answer per axis with ${code(tools.addSection.mcp)}: the answer in Markdown without its heading, each claim followed by its source as a link, and ${score}. The tool dates the answer (\`As of\` today) unless its text has a date line of its own.`,
      ),
      item(
        5,
        `When ${code(tools.addSection.mcp)} refuses (the axis is answered already, or a heading near its name probably answers it), do not write around it: report the note and line it names.`,
      ),
      item(
        6,
        `Check the notes: call \`check_notes\` (or run \`npx competitor-scope check\`) and confirm that the gaps you answered are gone and that no new finding appeared.`,
      ),
    ].join('\n'),
    `## Report`,
    wrap(
      'End with what you answered (product, axis, note and line, sources) and what remains unknown, with the reason. Cite the note path and line of every fact taken from the notes, and the source address of every fact taken from the web.',
    ),
  ];
  return `---\nname: ${SKILL_NAME}\ndescription: ${JSON.stringify(description)}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** A numbered list item, its continuation lines indented under its text. */
function item(n: number, text: string): string {
  const prefix = `${n}. `;
  return wrap(text, LINE_LENGTH - prefix.length)
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line)
    .join('\n');
}

/** Words wrapped to lines of at most `width` (a longer word alone on its line, which MD013 allows). */
function wrap(text: string, width = LINE_LENGTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** A scope's name on one line, without control characters (line breaks, bidirectional overrides), cut to a length. */
function plainName(text: string): string {
  const plain = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > NAME_LENGTH ? `${plain.slice(0, NAME_LENGTH - 1)}…` : plain;
}

/** A name as literal Markdown text: every character Markdown could read as syntax escaped, wherever a line wraps. */
function md(text: string): string {
  // A URL or an address is not made a link either (markdownlint's MD034): its `:`, `@` or `www.`'s dot escaped.
  return text
    .replace(/[\\`*_[\]<>#+\-=!|~&@]/g, '\\$&')
    .replace(/(\d)([.)])/g, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}
