import { capabilityFindings, integrationFindings } from '../spec/rules.js';
import { createEmitContext } from '../emit/context.js';
import { emitUnit } from '../emit/emit.js';
import { ValidatorCompiler } from '../emit/standalone-validators.js';
/** What a thread keeps between tasks: its compiled code and one emit context per settings. */
export class TaskRunner {
    validators = new ValidatorCompiler();
    contexts = new Map();
    async run(task) {
        if (task.type === 'rules') {
            const rules = { compile: this.validators.compile };
            const findings = task.kind === 'integration' ? integrationFindings(task.value, rules) : capabilityFindings(task.value, rules);
            return { findings, code: this.validators.takeFresh() };
        }
        this.validators.add(task.code);
        const key = JSON.stringify(task.settings);
        let context = this.contexts.get(key);
        if (!context)
            this.contexts.set(key, (context = createEmitContext(task.settings, this.validators)));
        return emitUnit(task.unit, context);
    }
}
//# sourceMappingURL=tasks.js.map