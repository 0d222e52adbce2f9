export { startScriptedLlmServer, type ScriptedLlmRequest, type ScriptedLlmServer, type ScriptedLlmServerOptions } from './scripted-llm-server.js';
export { behaviourNames, type BehaviourName, type BehaviourSpec, type ScriptedBehaviour } from './scripted-behaviour.js';
