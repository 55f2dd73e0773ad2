/**
 * Code frames quote spec sources, and a spec's `secretSchema.example` may hold something that
 * looks like (or is) a real credential: every such string is masked, same length, so columns stay right.
 */
/** Secret example values shorter than this are not credentials, and masking them would blank out unrelated text. */
const MIN_MASKED_LENGTH = 4;
export function maskSecrets(text, secrets) {
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret.length >= MIN_MASKED_LENGTH)
            text = text.split(secret).join('*'.repeat(secret.length));
    }
    return text;
}
/** Every string in an evaluated secret example (wherever in the source it came from). */
export function collectSecretValues(value, into) {
    if (typeof value === 'string')
        into.add(value);
    else if (value && typeof value === 'object')
        for (const item of Object.values(value))
            collectSecretValues(item, into);
}
export function secretExampleOf(spec) {
    return spec?.secretSchema?.example;
}
//# sourceMappingURL=mask.js.map