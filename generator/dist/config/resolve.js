/**
 * Project options from the project's config file (see find.ts), overridden by command-line flags.
 * Config paths are relative to the project folder, so a run from any folder of the project
 * produces the same bytes.
 */
import { dirname, resolve } from 'node:path';
import { findProject, loadConfigFile } from './find.js';
export async function projectOptions(cwd, flags = {}, fresh = false) {
    const project = flags.config ? { root: dirname(resolve(cwd, flags.config)), configFile: resolve(cwd, flags.config) } : findProject(cwd);
    const { root, configFile } = project;
    const config = configFile ? await loadConfigFile(configFile, fresh) : {};
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