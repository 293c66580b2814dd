// Command ferretdb-launcher runs FerretDB, a MongoDB wire-protocol server, on its
// SQLite backend for the embedded default stack. FerretDB's own command panics when
// installed with `go install` (it expects generated version files that the module
// does not ship); embedding its ferretdb package avoids that.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", "data/ferretdb", "directory for the SQLite database files")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	withParent := flag.Bool("exit-with-parent", false, "stop when the process that started this one is gone")
	flag.Parse()

	if err := run(*listen, *dataDir, *logLevel, *withParent); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-launcher:", err)
		os.Exit(1)
	}
}

func run(listen, dataDir, logLevel string, withParent bool) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	absDir, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(absDir, 0o755); err != nil {
		return fmt.Errorf("cannot create data directory: %w", err)
	}

	server, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listen},
		Logger:   logger,
		Handler:  "sqlite",
		// WAL with synchronous=NORMAL: a crashed process loses nothing (only a power cut may
		// lose the last commits), and each commit no longer waits for an fsync.
		SQLiteURL: "file:" + absDir + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if withParent {
		go stopWhenOrphaned(ctx, stop)
	}

	go keepIDIndexes(ctx, absDir, logger)

	fmt.Printf("ferretdb listening on %s (sqlite data in %s)\n", listen, absDir)
	return server.Run(ctx)
}

// stopWhenOrphaned stops the server once its parent has gone (it is re-parented), so that a
// supervisor killed outright (SIGKILL) leaves no database server behind.
func stopWhenOrphaned(ctx context.Context, stop context.CancelFunc) {
	parent := os.Getppid()
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if os.Getppid() != parent {
				fmt.Fprintln(os.Stderr, "ferretdb-launcher: parent process gone; stopping")
				stop()
				return
			}
		}
	}
}
