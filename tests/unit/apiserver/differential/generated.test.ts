import { compareAll } from './compare.ts';
import { generatedCases } from './corpus.ts';

compareAll('page kubectl = real kubectl 1.35 on kubesim serve: generated lines', generatedCases());
