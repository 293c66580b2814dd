// Command compose-check does what `docker compose config` does without a Docker engine: it
// loads docker-compose.yml with compose-go (the library Docker Compose itself uses), which
// interpolates the variables, validates the file against the Compose Specification's JSON
// schema, normalizes it and checks its references (services, volumes, secrets). Variables the
// file requires (${X:?…}) must be given, as they would be to `docker compose up`.
//
//	go run ./tools/compose-check -f docker-compose.yml NAME=value …
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	file := flag.String("f", "docker-compose.yml", "the compose file")
	flag.Parse()
	if err := check(*file, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "compose-check: %s: %v\n", *file, err)
		os.Exit(1)
	}
}

func check(file string, env []string) error {
	options, err := cli.NewProjectOptions(
		[]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithEnv(env),
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		return err
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		return err
	}
	out, err := project.MarshalYAML()
	if err != nil {
		return err
	}
	fmt.Printf("%s: valid (%d services, %d secrets, %d volumes)\n", file,
		len(project.Services), len(project.Secrets), len(project.Volumes))
	if os.Getenv("COMPOSE_CHECK_PRINT") != "" {
		os.Stdout.Write(out)
	}
	return nil
}
