/** Each command's help: its usage line, then its options; `competitor-scope help COMMAND` prints one. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  init: `  init [FOLDER]           Write a starter competitor-scope.yaml and an example note (research/example-competitor.md)
                          in FOLDER (default: the current folder); overwrites neither
      --skill             Write the agent skill instead: .github/skills/competitor-research/SKILL.md in FOLDER
                          (the repository's root), naming FOLDER's scope; overwrites nothing
      --claude            With --skill: in .claude/skills/ (Claude Code) instead of .github/skills/ (GitHub Copilot)`,
  check: `  check [FOLDER]          Check the research notes of FOLDER (default: the current folder) against the scope.
  check FILE...           Check these notes only (a pre-commit hook), against the scope found from the first one's
                          folder; each file that is not one of its notes is refused, exit 2
      --scope FILE        The scope file (default: the nearest competitor-scope.yaml or .yml in FOLDER or above it,
                          up to the repository's root), its notes glob then resolved against FOLDER;
                          --scope builtin reads the built-in example scope
      --format text|json|github
                          Output: one line per finding and a summary (text, the default), one JSON document,
                          or GitHub Actions annotations (github)
      --max-missing N     Exit 1 when more than N axes are missing, empty or placeholders (default 0)
      --max-stale N       Exit 1 when more than N answers are older than their freshness limit (default: no limit)
      --as-of YYYY-MM-DD  Evaluate ages as of that day (default: today)
      --no-git            Date answers by their "As of" lines and front matter "reviewed:" only, without git`,
  matrix: `  matrix [FOLDER]         Print the comparison matrix of FOLDER: products against axes, with the answers
      --scope FILE        As for check; so are --as-of and --no-git
      --format F          markdown (one table per category, the default), csv or html (a standalone page)
      --category ID       Only that category's table (by id or name)
      --gaps              Only the products and axes with a gap (missing, empty or placeholder)
      -o, --output FILE   Write it to FILE instead`,
  battlecard: `  battlecard PRODUCT [FOLDER]
                          Print one competitor against the scope's subject: where we lead, they lead, parity, unknown
      --category ID       The category to compare in (by id or name): needed for a competitor in several
      --scope FILE        As for check
      --format F          markdown (the default) or html (a standalone page)
      -o, --output FILE   Write it to FILE instead`,
  site: `  site [FOLDER] -o DIR    Write a static site of FOLDER's research to DIR: an index with the whole matrix and a
                          search, a page per category with its radar chart, a page per product with its answers
                          and, for a competitor, its battlecard; it works from file:// and requests no other host
      --repo-url URL      Link each answer to its note's line in the repository (URL/blob/COMMIT/PATH#LLINE)
      --scope FILE        As for check; so are --as-of and --no-git`,
  diff: `  diff [BASE] [HEAD] [FOLDER]
                          Print how the competitive picture changed from BASE (default: the merge base with the
                          upstream, else HEAD~1) to HEAD (default: the working tree); the last argument is FOLDER
                          when it names an existing folder
      --format F          text (the default), json, markdown (for a pull request) or github (one notice a cell)
      -o, --output FILE   Write it to FILE instead
      --as-of YYYY-MM-DD  Evaluate ages as of that day (default: today)`,
  import: `  import FILE.md          Print the scope file that a Markdown scope document makes (docs/scope-and-notes.md gives
                          its structure); what it leaves out goes to stderr
      -o, --output FILE   Write it to FILE instead`,
  brief: `  brief PRODUCT [FOLDER]  Print the research brief of a product (by id, name or alias): the goal, what its notes
                          answer, every axis still to research, and the conventions a section follows
      --category ID       The brief of a category's products instead (or the product's category, with PRODUCT)
      --gaps              The brief of every gap in the scope instead
      --scope FILE        As for check
      -o, --output FILE   Write it to FILE instead`,
  mcp: `  mcp [FOLDER]            Run a Model Context Protocol server on stdio over FOLDER's scope and notes
      --scope FILE        As for check`,
  help: `  help [COMMAND]          Show this help, or one command's`,
};

export const USAGE = `Usage: competitor-scope <command> [options]

Commands:
${Object.values(COMMAND_HELP).join('\n')}

Options:
  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 all is well, 1 too many unanswered axes or stale answers, 2 bad usage, an invalid scope file or a document that is not a scope.`;

/** One command's help, as `competitor-scope help COMMAND` prints it. */
export function commandUsage(command: string): string {
  return `Usage: competitor-scope ${command} [options]\n\n${COMMAND_HELP[command]}`;
}
