// monaco-yaml's worker, as its own entry so that Vite bundles it as a module worker (`?worker`).
import 'monaco-yaml/yaml.worker.js';
