export interface BffGeneratorSchema {
  name: string;
  team: string;
  port?: number;
  auth?: 'session' | 'bearer' | 'none';
  frontend?: string;
  skipArtifacts?: boolean;
}
