import { compareAll } from './compare.ts';
import { lessonCases } from './corpus.ts';

compareAll('page kubectl = real kubectl 1.35 on kubesim serve: every lesson line', lessonCases());
