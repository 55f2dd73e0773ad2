/**
 * Project options from the config file found upward from the working directory, overridden by
 * command-line flags. Config paths are relative to the config file's folder (the project root),
 * so a run from any folder of a workspace produces the same bytes.
 */
import { dirname, resolve } from 'node:path';
import { findConfigFile, loadConfigFile } from './find.js';
export async function projectOptions(cwd, flags = {}, fresh = false) {
    const configFile = flags.config ? resolve(cwd, flags.config) : findConfigFile(cwd);
    const config = configFile ? await loadConfigFile(configFile, fresh) : {};
    const root = configFile ? dirname(configFile) : cwd;
    const fromConfig = (path) => (path === undefined ? undefined : resolve(root, path));
    const fromFlag = (path) => (path === undefined ? undefined : resolve(cwd, path));
    const configTemplates = config.templates === undefined ? [] : typeof config.templates === 'string' ? [config.templates] : config.templates;
    return {
        root,
        configFile,
        specs: fromFlag(flags.specs) ?? fromConfig(config.specs) ?? resolve(root, 'specs'),
        out: fromFlag(flags.out) ?? fromConfig(config.out) ?? resolve(root, 'generated'),
        adapters: fromConfig(config.adapters) ?? resolve(root, 'adapters'),
        docsOut: fromConfig(config.docsOut),
        templates: flags.templates?.length ? flags.templates.map((t) => resolve(cwd, t)) : configTemplates.map((t) => resolve(root, t)),
        artifacts: config.artifacts,
        runtimeImport: config.runtimeImport,
        packages: config.packages,
    };
}
//# sourceMappingURL=resolve.js.map