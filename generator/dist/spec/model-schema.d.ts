export declare const INTEGRATION_CATEGORIES: readonly ['sms', 'messaging', 'email', 'voice', 'push', 'payments', 'storage', 'analytics', 'auth', 'ai', 'crm', 'calendar', 'search', 'observability', 'other'];
export declare const integrationModelSchema: {
    readonly type: 'object';
    readonly required: readonly ['meta', 'supportedModes', 'capabilities', 'configSchema', 'secretSchema', 'healthCheck'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly meta: {
            readonly type: 'object';
            readonly required: readonly [...string[], "category"];
            readonly additionalProperties: false;
            readonly properties: {
                readonly key: {
                    readonly type: 'string';
                };
                readonly version: {
                    readonly type: 'string';
                };
                readonly title: {
                    readonly type: 'string';
                };
                readonly description: {
                    readonly type: 'string';
                };
                readonly domain: {
                    readonly type: 'string';
                };
                readonly owners: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'string';
                    };
                };
                readonly tags: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'string';
                    };
                };
                readonly stability: {
                    readonly type: 'string';
                    readonly enum: readonly ("beta" | "deprecated" | "experimental" | "idea" | "in_creation" | "stable")[];
                };
                readonly category: {
                    readonly type: 'string';
                    readonly enum: readonly ["sms", "messaging", "email", "voice", "push", "payments", "storage", "analytics", "auth", "ai", "crm", "calendar", "search", "observability", "other"];
                };
            };
        };
        readonly supportedModes: {
            readonly type: 'array';
            readonly items: {
                readonly type: 'string';
                readonly enum: readonly ['managed', 'byok'];
            };
        };
        readonly capabilities: {
            readonly type: 'object';
            readonly required: readonly ['provides'];
            readonly additionalProperties: false;
            readonly properties: {
                readonly provides: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'object';
                        readonly required: readonly ['key', 'version'];
                        readonly additionalProperties: false;
                        readonly properties: {
                            readonly key: {
                                readonly type: 'string';
                            };
                            readonly version: {
                                readonly type: 'string';
                            };
                        };
                    };
                };
                readonly requires: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'object';
                        readonly required: readonly ['key', 'version'];
                        readonly additionalProperties: false;
                        readonly properties: {
                            readonly key: {
                                readonly type: 'string';
                            };
                            readonly version: {
                                readonly type: 'string';
                            };
                        };
                    };
                };
            };
        };
        readonly configSchema: {
            readonly type: 'object';
            readonly required: readonly ['schema', 'example'];
            readonly additionalProperties: false;
            readonly properties: {
                readonly schema: {
                    readonly type: 'object';
                };
                readonly example: {
                    readonly type: 'object';
                };
            };
        };
        readonly secretSchema: {
            readonly type: 'object';
            readonly required: readonly ['schema', 'example'];
            readonly additionalProperties: false;
            readonly properties: {
                readonly schema: {
                    readonly type: 'object';
                };
                readonly example: {
                    readonly type: 'object';
                };
            };
        };
        readonly healthCheck: {
            readonly type: 'object';
            readonly required: readonly ['method', 'timeoutMs'];
            readonly additionalProperties: false;
            readonly properties: {
                readonly method: {
                    readonly type: 'string';
                    readonly enum: readonly ['ping', 'list', 'custom'];
                };
                readonly timeoutMs: {
                    readonly type: 'number';
                };
            };
        };
        readonly docsUrl: {
            readonly type: 'string';
        };
        readonly constraints: {
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly rateLimit: {
                    readonly type: 'object';
                    readonly additionalProperties: false;
                    readonly properties: {
                        readonly rpm: {
                            readonly type: 'number';
                        };
                        readonly rph: {
                            readonly type: 'number';
                        };
                    };
                };
                readonly quotas: {
                    readonly type: 'object';
                    readonly additionalProperties: {
                        readonly type: 'number';
                    };
                };
            };
        };
        readonly byokSetup: {
            readonly type: 'object';
            readonly required: readonly ['setupInstructions'];
            readonly additionalProperties: false;
            readonly properties: {
                readonly setupInstructions: {
                    readonly type: 'string';
                };
                readonly requiredScopes: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'string';
                    };
                };
                readonly docsUrl: {
                    readonly type: 'string';
                };
            };
        };
    };
};
export declare const capabilityModelSchema: {
    readonly type: 'object';
    readonly required: readonly ['meta'];
    readonly additionalProperties: false;
    readonly properties: {
        readonly meta: {
            readonly type: 'object';
            readonly required: string[];
            readonly additionalProperties: false;
            readonly properties: {
                readonly key: {
                    readonly type: 'string';
                };
                readonly version: {
                    readonly type: 'string';
                };
                readonly title: {
                    readonly type: 'string';
                };
                readonly description: {
                    readonly type: 'string';
                };
                readonly domain: {
                    readonly type: 'string';
                };
                readonly owners: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'string';
                    };
                };
                readonly tags: {
                    readonly type: 'array';
                    readonly items: {
                        readonly type: 'string';
                    };
                };
                readonly stability: {
                    readonly type: 'string';
                    readonly enum: readonly ("beta" | "deprecated" | "experimental" | "idea" | "in_creation" | "stable")[];
                };
            };
        };
        readonly operations: {
            readonly type: 'object';
            readonly additionalProperties: {
                readonly type: 'object';
                readonly required: readonly ['description', 'input', 'output', 'idempotent'];
                readonly additionalProperties: false;
                readonly properties: {
                    readonly description: {
                        readonly type: 'string';
                    };
                    readonly input: {
                        readonly type: 'object';
                    };
                    readonly output: {
                        readonly type: 'object';
                    };
                    readonly idempotent: {
                        readonly type: 'boolean';
                    };
                };
            };
        };
        readonly events: {
            readonly type: 'object';
            readonly additionalProperties: {
                readonly type: 'object';
                readonly required: readonly ['description', 'payload'];
                readonly additionalProperties: false;
                readonly properties: {
                    readonly description: {
                        readonly type: 'string';
                    };
                    readonly payload: {
                        readonly type: 'object';
                    };
                };
            };
        };
    };
};
//# sourceMappingURL=model-schema.d.ts.map