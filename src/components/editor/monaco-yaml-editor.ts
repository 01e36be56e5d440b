/**
 * Monaco with monaco-yaml and the project's Kubernetes schema. Only ever imported dynamically: Monaco's
 * JavaScript, its CSS and its two workers load when an editor is opened or scrolled into view.
 * Monaco stays at 0.52.2: with 0.53 and later monaco-yaml's worker never starts.
 */
// The editor core and its features without Monaco's other languages (editor.main would add them all).
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

const yamlOptions = {
  enableSchemaRequest: false,
  isKubernetes: true,
  // kubectl reads YAML 1.1 (yes/no are booleans); the editor should agree.
  yamlVersion: '1.1' as const,
};
const monacoYaml = configureMonacoYaml(monaco, { ...yamlOptions, schemas: [] });
// The Kubernetes schema (51 KB gzip) is a chunk of its own, fetched beside Monaco rather than inside
// it: the editor works at once and validates as soon as the schema is there.
void import('../../schema/kubernetes.schema.json').then(({ default: schema }) =>
  monacoYaml.update({
    ...yamlOptions,
    schemas: [
      { uri: 'inmemory://kube101/kubernetes.schema.json', fileMatch: ['*'], schema: schema as never },
    ],
  }),
);

export interface Problem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface YamlEditorHandle {
  /** Show `path` with `content` (one model per file, so undo history is kept per file). */
  open(path: string, content: string): void;
  readonly path: string;
  value(): string;
  setValue(content: string): void;
  setDark(dark: boolean): void;
  focus(): void;
  dispose(): void;
}

export function createYamlEditor(
  element: HTMLElement,
  options: {
    dark: boolean;
    label: string;
    onChange: (path: string, content: string) => void;
    onProblems: (problems: Problem[]) => void;
  },
): YamlEditorHandle {
  const editor = monaco.editor.create(element, {
    language: 'yaml',
    theme: themeFor(options.dark),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    lineNumbersMinChars: 3,
    renderLineHighlight: 'line',
    // On Linux the last line's number is dimmed below WCAG contrast; show it like the others.
    renderFinalNewline: 'on',
    ariaLabel: options.label,
    accessibilitySupport: 'auto',
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
  });
  let path = '';
  const models = new Map<string, monaco.editor.ITextModel>();

  const reportProblems = () => {
    const model = editor.getModel();
    if (!model) return;
    const markers = monaco.editor.getModelMarkers({ resource: model.uri });
    options.onProblems(
      markers
        .map((marker) => ({
          line: marker.startLineNumber,
          column: marker.startColumn,
          message: marker.message,
          severity:
            marker.severity === monaco.MarkerSeverity.Error
              ? ('error' as const)
              : marker.severity === monaco.MarkerSeverity.Warning
                ? ('warning' as const)
                : ('info' as const),
        }))
        .toSorted((a, b) => a.line - b.line || a.column - b.column),
    );
  };
  monaco.editor.onDidChangeMarkers(reportProblems);
  editor.onDidChangeModelContent(() => options.onChange(path, editor.getValue()));

  return {
    open(nextPath, content) {
      path = nextPath;
      let model = models.get(nextPath);
      if (!model) {
        model = monaco.editor.createModel(
          content,
          'yaml',
          monaco.Uri.parse(`file:///workstation/${nextPath}`),
        );
        models.set(nextPath, model);
      } else if (model.getValue() !== content) {
        model.setValue(content);
      }
      editor.setModel(model);
      reportProblems();
    },
    get path() {
      return path;
    },
    value: () => editor.getValue(),
    setValue(content) {
      if (editor.getValue() !== content) editor.getModel()?.setValue(content);
    },
    setDark(dark) {
      monaco.editor.setTheme(themeFor(dark));
    },
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
      for (const model of models.values()) model.dispose();
    },
  };
}

// vs-dark's comment green (#6A9955 on #1E1E1E) is under WCAG's 4.5:1; lessons comment their YAML.
monaco.editor.defineTheme('kube101-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8FBF7F' }],
  colors: {},
});

function themeFor(dark: boolean): string {
  return dark ? 'kube101-dark' : 'vs';
}
