package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsdesk/extractor/internal/stream"
	"github.com/newsdesk/extractor/pkg/extract"
)

// runStream implements "extractor stream": the Kafka service (see
// internal/stream). Logs are JSON lines on stderr. SIGTERM or SIGINT stops
// it gracefully; exit code 0 after a clean stop, 1 on a failure, 2 on a
// usage error.
func runStream(args []string, _, stderr io.Writer) int {
	cfg, err := stream.ParseConfig(args, os.Getenv, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "extractor stream: %v\n", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.Level()}))
	log.Info("extractor stream", "version", extract.Version, "config", cfg)

	ex, err := extract.New(extract.Options{MaxBodyBytes: cfg.MaxMessageBytes})
	if err != nil {
		log.Error("load extractor", "err", err.Error())
		return 1
	}
	svc, err := stream.New(stream.Options{Config: cfg, Extractor: ex, Logger: log})
	if err != nil {
		log.Error("start", "err", err.Error())
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal kills at once
	}()
	if err := svc.Run(ctx); err != nil {
		log.Error("stream", "err", err.Error())
		return 1
	}
	return 0
}
