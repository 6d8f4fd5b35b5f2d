import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's arguments, parsed strictly with positionals. Its mistakes are said in one line each, naming the option
 * as it was typed: Node's own messages run over several lines and quote unevenly.
 */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (option === undefined) throw new UsageError(`Unknown option "${token.rawName}".`);
    if (option.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value.`);
    if (option.type === 'boolean' && token.inlineValue) throw new UsageError(`${token.rawName} takes no value.`);
    // Node takes no value that looks like an option unless it is given inline.
    if (option.type === 'string' && token.inlineValue === false && token.value?.startsWith('-')) {
      throw new UsageError(`${token.rawName} needs a value; one that starts with "-" is given as --${token.name}=${token.value}.`);
    }
  }
  return parseArgs({ args: [...args], options, allowPositionals: true as const, strict: true as const });
}
