// Writes the synthetic workspace the benchmark checks: a scope of 2,000 products (or as many as asked) over
// five categories and one note of about 4-5 KB per product, with some sections missing, empty or placeholders.
// Two corpora: 'markdown' (lists, tables, code fences, inline markup) and 'prose' (paragraphs of plain words,
// where markdown-it's inline parsing is cheap and the analysis's fixed costs show).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PRODUCTS = 2000;
const CATEGORIES = 5;
const AXES = [
  'Architecture and extensibility',
  'Pricing and licensing model',
  'Performance under load',
  'Security, auth, and compliance',
  'Developer experience and documentation',
  'Observability and operations',
  'Ecosystem & integrations',
  'Migration paths and lock-in',
];

/** A small deterministic generator, so that every run measures the same text. */
function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const WORDS =
  'the product offers a plugin system with typed hooks while configuration lives in one file and teams report that upgrades are smooth although some edge cases need care when scaling out across regions with strict latency budgets'.split(
    ' ',
  );

function sentence(next, prose = false) {
  const words = Array.from({ length: 11 + Math.floor(next() * 7) }, () => WORDS[Math.floor(next() * WORDS.length)]);
  if (prose) return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  words[3] = `**${words[3]}**`;
  words[7] = `[${words[7]}](https://example.invalid/${Math.floor(next() * 1000)})`;
  words[9] = `\`${words[9]}\``;
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function section(next, axis, kind, corpus) {
  const lines = [`## ${axis}`, ''];
  if (kind === 'empty') return [...lines, '<!-- to do -->', ''];
  if (kind === 'placeholder') return [...lines, 'TODO: ask the vendor.', '', '- TBD', ''];
  if (corpus === 'prose') {
    for (let p = 0; p < 3; p++) lines.push(Array.from({ length: 2 + Math.floor(next() * 2) }, () => sentence(next, true)).join(' '), '');
    return lines;
  }
  lines.push(`${sentence(next)} ${sentence(next)}`, '');
  lines.push(`- ${sentence(next)}`, `  - ${sentence(next)}`, '');
  if (next() < 0.4)
    lines.push(
      '| Plan | Limit | Notes |',
      '| --- | ---: | --- |',
      `| Free | ${Math.floor(next() * 100)} | ${sentence(next)} |`,
      `| Team | ${Math.floor(next() * 1000)} | *per seat* |`,
      '',
    );
  if (next() < 0.4) lines.push('```yaml', 'replicas: 3', '# ## not a heading', 'limits: { cpu: 2 }', '```', '');
  if (next() < 0.3) lines.push(`> ${sentence(next)}`, '');
  return lines;
}

export function note(index, next = random(index + 1), corpus = 'markdown') {
  const lines = ['---', `product: product-${index}`, '---', '', `# Product ${index}`, '', sentence(next, corpus === 'prose'), ''];
  AXES.slice(0, 6 + ((index % 5) % 3)).forEach((axis, i) => {
    const roll = next();
    if (roll < 0.05 && i > 0) return; // missing
    lines.push(...section(next, axis, roll < 0.08 ? 'empty' : roll < 0.12 ? 'placeholder' : 'answered', corpus));
  });
  return lines.join('\n');
}

export function scope(products = PRODUCTS) {
  const lines = ['version: 1', 'title: Benchmark scope', 'subject: Our product', 'notes: research/**/*.md', 'categories:'];
  for (let c = 0; c < CATEGORIES; c++) {
    lines.push(
      `  - id: category-${c}`,
      `    name: Category ${c}`,
      '    goal: Compare the products of this category with ours.',
      '    products:',
    );
    for (let p = c; p < products; p += CATEGORIES) {
      // Like the real scope: most products have a name only, some a description and aliases.
      lines.push(`      - name: Product ${p}`);
      if (p % 10 === 0) lines.push(`        description: A representative product, number ${p}.`, `        aliases: [P${p}]`);
    }
    lines.push('    axes:', ...AXES.slice(0, 6 + (c % 3)).map((a) => `      - name: "${a}"`));
  }
  return `${lines.join('\n')}\n`;
}

export function writeWorkspace(folder, products = PRODUCTS, corpus = 'markdown') {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, 'research'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'competitor-scope.yaml'), scope(products));
  let bytes = 0;
  for (let i = 0; i < products; i++) {
    const text = note(i, random(i + 1), corpus);
    bytes += text.length;
    fs.writeFileSync(path.join(folder, 'research', `product-${i}.md`), text);
  }
  return bytes;
}
