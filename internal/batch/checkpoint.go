package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// checkpointVersion is bumped when the checkpoint format changes.
const checkpointVersion = 1

// Checkpoint records how far a run got. Items are numbered in input order
// across all inputs from 0. Every item below Next, and every item in Done,
// has its output within the first OutputBytes of the output and its error
// record within the first ErrorsBytes of the errors file.
type Checkpoint struct {
	Version     int              `json:"version"`
	Inputs      []string         `json:"inputs,omitempty"`
	Kafka       []PartitionRange `json:"kafka,omitempty"`
	Format      string           `json:"format"`
	Next        int64            `json:"next"`
	Done        []int64          `json:"done,omitempty"`
	OutputBytes int64            `json:"output_bytes"`
	ErrorsBytes int64            `json:"errors_bytes"`
	// Failed counts the failed items up to the checkpoint, over all runs.
	Failed   int64 `json:"failed"`
	Complete bool  `json:"complete"`
}

// loadCheckpoint reads a checkpoint; ok is false when there is none.
func loadCheckpoint(name string) (ck Checkpoint, ok bool, err error) {
	b, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return ck, false, nil
	}
	if err != nil {
		return ck, false, fmt.Errorf("batch: checkpoint: %w", err)
	}
	if err := json.Unmarshal(b, &ck); err != nil {
		return ck, false, fmt.Errorf("batch: checkpoint %s: %w", name, err)
	}
	if ck.Version != checkpointVersion {
		return ck, false, fmt.Errorf("batch: checkpoint %s: version %d, want %d", name, ck.Version, checkpointVersion)
	}
	return ck, true, nil
}

// compatible reports why ck cannot resume a run of the given job, or nil.
func (ck Checkpoint) compatible(job Checkpoint) error {
	switch {
	case ck.Format != job.Format:
		return fmt.Errorf("batch: checkpoint is for --format %s, not %s", ck.Format, job.Format)
	case !slices.Equal(ck.Inputs, job.Inputs):
		return errors.New("batch: the inputs differ from the checkpointed run (files added, removed or renamed)")
	}
	return nil
}

// save writes ck atomically: a temporary file, fsync, rename, fsync of
// the directory.
func (ck Checkpoint) save(name string) error {
	b, err := json.Marshal(ck)
	if err != nil {
		return fmt.Errorf("batch: checkpoint: %w", err)
	}
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("batch: checkpoint: %w", err)
	}
	_, err = f.Write(append(b, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		return fmt.Errorf("batch: checkpoint: %w", err)
	}
	if d, err := os.Open(filepath.Dir(name)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
