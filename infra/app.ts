/** CDK entry point (cdk.json "app"). */
import { buildApp } from './build-app';

buildApp().app.synth();
