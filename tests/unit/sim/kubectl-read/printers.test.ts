/** The printers on their own: YAML as kubectl's go-yaml, JSONPath, ages, column layout. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../../src/sim/kubectl/printers/yaml.ts';
import { toJson } from '../../../../src/sim/kubectl/printers/json.ts';
import { toKyaml } from '../../../../src/sim/kubectl/printers/kyaml.ts';
import { JsonPath, JsonPathParseError } from '../../../../src/sim/kubectl/printers/jsonpath.ts';
import { humanDuration } from '../../../../src/sim/kubectl/printers/duration.ts';
import { formatColumns, ColumnWriter } from '../../../../src/sim/kubectl/printers/tabwriter.ts';
import { tabwrite } from '../../../../src/sim/kubectl/describe/tabwriter.ts';
import { executeGoTemplate, parseOutputFormat } from '../../../../src/sim/kubectl/printers/output.ts';
import { CommandError } from '../../../../src/sim/kubectl/command.ts';

interface YamlCase {
  args: string[];
  data: Record<string, string>;
  yaml: string;
}
/** `kubectl create configmap --from-literal=... --dry-run=client -o yaml` run with the real kubectl 1.35.2. */
const captured = JSON.parse(
  readFileSync(new URL('./yaml-scalars.fixture.json', import.meta.url), 'utf8'),
) as { cases: YamlCase[] };

describe('YAML printer', () => {
  for (const [index, c] of captured.cases.entries()) {
    it(`prints what kubectl printed for captured case ${index} (quoting, folding, key order)`, () => {
      const name = c.args[2] as string;
      expect(toYaml({ apiVersion: 'v1', data: c.data, kind: 'ConfigMap', metadata: { name } })).toBe(c.yaml);
    });
  }

  it('writes sequences under a key at the key column and empty collections in flow style', () => {
    expect(toYaml({ spec: { ports: [{ port: 82, targetPort: 300 }], selector: {}, list: [] } })).toBe(
      'spec:\n  list: []\n  ports:\n  - port: 82\n    targetPort: 300\n  selector: {}\n',
    );
  });

  it('writes null, booleans and numbers plainly and strings that look like them quoted', () => {
    expect(toYaml({ a: null, b: true, c: 80, d: '80', e: 'true', f: '' })).toBe(
      'a: null\nb: true\nc: 80\nd: "80"\ne: "true"\nf: ""\n',
    );
  });
});

describe('JSON printer', () => {
  it('indents with four spaces, sorts server objects and escapes <, >, & as Go does', () => {
    expect(toJson({ b: 1, a: 'x<y&z' }, { sortKeys: true })).toBe(
      '{\n    "a": "x\\u003cy\\u0026z",\n    "b": 1\n}\n',
    );
    expect(toJson({ kind: 'Pod', apiVersion: 'v1' })).toBe(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1"\n}\n',
    );
  });
});

describe('JSONPath', () => {
  const list = {
    kind: 'List',
    items: [
      {
        metadata: { name: 'a', labels: { app: 'web', 'app.kubernetes.io/name': 'x' } },
        spec: { ports: [{ port: 82, nodePort: 30033 }] },
      },
      { metadata: { name: 'b' }, spec: { ports: [{ port: 83 }, { port: 84 }] } },
    ],
  };
  const run = (template: string) => new JsonPath(template).execute(list);

  it('joins several results with spaces and prints text outside actions', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('names: {.items[*].metadata.name}!')).toBe('names: a b!');
  });

  it('ranges with string literals', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.spec.ports[*].port}{"\\n"}{end}')).toBe(
      'a\t82\nb\t83 84\n',
    );
  });

  it('filters, slices, escaped dots and recursive descent', () => {
    expect(run('{.items[?(@.metadata.name=="b")].spec.ports[0].port}')).toBe('83');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
    expect(run('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('x');
    expect(run('{..nodePort}')).toBe('30033');
  });

  it('prints maps and lists as compact JSON', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web","app.kubernetes.io/name":"x"}');
    expect(run('{.items[1].spec.ports}')).toBe('[{"port":83},{"port":84}]');
  });

  it('prints nothing for a missing field but fails on an index out of range', () => {
    expect(run('{.items[0].spec.nope}')).toBe('');
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
  });

  it('reports parse errors with client-go words', () => {
    expect(() => new JsonPath('{.items[')).toThrow(JsonPathParseError);
    expect(() => new JsonPath('{.items')).toThrow('unclosed action');
  });
});

describe('output format selection', () => {
  it('lists the formats kubectl get allows when one is unknown', () => {
    expect(() => parseOutputFormat('yamll', { tables: true })).toThrow(
      'unable to match a printer suitable for the output format "yamll", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml',
    );
    expect(() => parseOutputFormat('wide', { tables: false })).toThrow(CommandError);
  });
});

describe('HumanDuration', () => {
  const s = 1000;
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [150 * s, '2m30s'],
    [600 * s, '10m'],
    [179 * 60 * s, '179m'],
    [3 * 3600 * s, '3h'],
    [(7 * 3600 + 59 * 60) * s, '7h59m'],
    [47 * 3600 * s, '47h'],
    [(2 * 24 + 3) * 3600 * s, '2d3h'],
    [45 * 24 * 3600 * s, '45d'],
    [(3 * 365 + 10) * 24 * 3600 * s, '3y10d'],
    [9 * 365 * 24 * 3600 * s, '9y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('column layout', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    expect(
      formatColumns([
        ['NAME', 'AGE'],
        ['kubernetes', '10m'],
      ]),
    ).toBe('NAME         AGE\nkubernetes   10m\n');
  });

  it('keeps widths between flushes, as get -w rows stay aligned', () => {
    const writer = new ColumnWriter();
    writer.format([
      ['NAME', 'STATUS', 'AGE'],
      ['web-1', 'Pending', '0s'],
    ]);
    expect(writer.format([['web-1', 'ContainerCreating', '1s']])).toBe('web-1   ContainerCreating   1s\n');
    expect(writer.format([['web-1', 'Running', '2s']])).toBe('web-1   Running             2s\n');
  });

  it("describe's tabwriter aligns only within blocks of lines that share a column", () => {
    expect(
      tabwrite('Name:\tweb\nPort:\t<unset>\t82/TCP\nTargetPort:\t300/TCP\nIPs:\n  IP:\t10.0.0.1\n'),
    ).toBe('Name:        web\nPort:        <unset>  82/TCP\nTargetPort:  300/TCP\nIPs:\n  IP:  10.0.0.1\n');
  });
});

interface TemplateCase {
  template: string;
  result: { stdout: string; stderr: string; exitCode: number };
}
/** `kubectl create service nodeport web --tcp=82:300 --dry-run=client -o go-template=...` with the real kubectl 1.35.2. */
const templates = JSON.parse(
  readFileSync(new URL('./go-template.fixture.json', import.meta.url), 'utf8'),
) as {
  object: unknown;
  cases: TemplateCase[];
};

describe('go-template printer', () => {
  for (const c of templates.cases) {
    it(`prints what kubectl printed for ${c.template}`, () => {
      let stdout = '';
      let stderr = '';
      try {
        const format = parseOutputFormat(`go-template=${c.template}`, { tables: true });
        if (format.kind !== 'go-template') throw new Error('not a go-template format');
        stdout = executeGoTemplate(format, templates.object, (text) => (stdout += text));
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        stderr = `error: ${error.message}\n`;
      }
      expect(stderr).toBe(c.result.stderr);
      // On failure kubectl dumps the object to stdout; its first line is compared (the dump's key order differs for typed objects).
      expect(stdout.split('\n')[0]).toBe(c.result.stdout.split('\n')[0]);
      if (c.result.exitCode === 0) expect(stdout).toBe(c.result.stdout);
    });
  }
});

/** `kubectl create ... --dry-run=client` with `-o json` and `-o kyaml`, from the real kubectl 1.35.2. */
const kyamlCases = JSON.parse(readFileSync(new URL('./kyaml.fixture.json', import.meta.url), 'utf8')) as {
  cases: { args: string[]; json: string; kyaml: string }[];
};

describe('kyaml printer', () => {
  for (const c of kyamlCases.cases) {
    it(`prints what kubectl printed for kubectl ${c.args.slice(0, 3).join(' ')}`, () => {
      // The JSON keeps kubectl's field order, which kyaml keeps too.
      expect(toKyaml(JSON.parse(c.json))).toBe(c.kyaml);
    });
  }
});
