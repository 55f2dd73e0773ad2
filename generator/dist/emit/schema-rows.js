/** Rows of a docs table for an object schema: one per property, nested objects flattened with dots. */
import { mdCodeCell } from './escape.js';
/** How deep a type label follows nested lists and alternatives (`string[][]`) before naming the type. */
const MAX_LABEL_DEPTH = 4;
export function schemaRows(schema, example, options = {}) {
    const rows = [];
    const walk = (node, value, prefix, depth) => {
        const required = new Set(Array.isArray(node.required) ? node.required : []);
        for (const [name, child] of Object.entries(node.properties ?? {})) {
            const resolved = resolve(child, schema);
            // Own fields only: an example without `constructor` has none, not Object's.
            const childValue = value && typeof value === 'object' && Object.hasOwn(value, name) ? value[name] : undefined;
            const path = prefix + name;
            rows.push({
                name: path,
                type: typeLabel(resolved, schema),
                required: required.has(name),
                description: typeof resolved.description === 'string' ? resolved.description : undefined,
                example: exampleCell(childValue, options.redact ?? false, resolved),
            });
            if (depth < 3 && resolved.properties && typeof resolved.properties === 'object')
                walk(resolved, childValue, path + '.', depth + 1);
        }
    };
    if (schema && typeof schema === 'object')
        walk(schema, example, '', 0);
    return rows;
}
function exampleCell(value, redact, schema) {
    if (redact && value !== undefined)
        return '`***`';
    if (value === undefined)
        return schema.default !== undefined ? `${mdCodeCell(JSON.stringify(schema.default))} (default)` : '-';
    return mdCodeCell(typeof value === 'string' ? value : JSON.stringify(value));
}
function resolve(node, root) {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/'))
        return node;
    let target = root;
    for (const part of ref.slice(2).split('/'))
        target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return target && typeof target === 'object' ? { ...target, description: node.description ?? target.description } : node;
}
/** A short human label: `string`, `"a" \| "b"`, `string[]`, `one of: text, media`. */
export function typeLabel(node, root, depth = 0) {
    if (node.const !== undefined)
        return JSON.stringify(node.const);
    if (Array.isArray(node.enum))
        return node.enum.map((v) => JSON.stringify(v)).join(' | ');
    for (const keyword of ['oneOf', 'anyOf']) {
        if (Array.isArray(node[keyword])) {
            return node[keyword].map((option) => refName(option) ?? typeLabel(resolve(option, root), root, depth + 1)).join(' | ');
        }
    }
    const type = Array.isArray(node.type) ? node.type.join(' | ') : typeof node.type === 'string' ? node.type : refName(node) ?? 'any';
    // A list of itself (`items: { $ref: '#/definitions/list' }`) is labelled by its name, not followed forever.
    if (node.type === 'array' && node.items && typeof node.items === 'object') {
        const items = node.items;
        return `${depth < MAX_LABEL_DEPTH ? typeLabel(resolve(items, root), root, depth + 1) : (refName(items) ?? 'any')}[]`;
    }
    const format = typeof node.format === 'string' ? ` (${node.format})` : '';
    const pattern = typeof node.pattern === 'string' ? ` matching ${node.pattern}` : '';
    return type + format + pattern;
}
function refName(node) {
    return typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
}
//# sourceMappingURL=schema-rows.js.map