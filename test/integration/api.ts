import type { CompetitorScopeApi } from '../../src/extension';
import { activateExtension } from './helpers';

/** The extension's API, once it has read every note of the workspace. */
export async function extensionApi(): Promise<CompetitorScopeApi> {
  const api = (await activateExtension()).exports as CompetitorScopeApi;
  await api.ready();
  return api;
}
