// The evidence section of every output format: declared and effective grades
// of initiatives and drivers (see evidence_report.hpp, eval/evidence.hpp).

#include "report/csv_writer.hpp"
#include "report/evidence_report.hpp"
#include "report/markdown_writer.hpp"

#include "eval/evidence.hpp"
#include "report/text_table.hpp"

namespace cxv::report {

namespace {

bool has_graded(const RunReport& run) {
  return run.program && (!run.program->initiatives.empty() || !run.program->drivers.empty());
}

const char* grade_or_null(ir::Grade g) { return g == ir::Grade::none ? nullptr : ir::to_string(g); }
std::string grade_text(ir::Grade g) { return g == ir::Grade::none ? "—" : ir::to_string(g); }

struct Row {
  std::string kind, name, title;
  eval::EffectiveGrade grade;
  std::string limited_by, note;
};

std::vector<Row> rows(const RunReport& run) {
  const ir::Program& p = *run.program;
  const eval::EvidenceGrades g = eval::effective_grades(p);
  std::vector<Row> out;
  auto driver_name = [&](ir::Index d) { return d == ir::kNone ? std::string() : p.drivers.at(d).name; };
  for (ir::Index i = 0; i < p.initiatives.size(); ++i) {
    const ir::Initiative& ini = p.initiatives[i];
    std::string note = ini.evidence.note;
    if (ini.evidence.experiment != ir::kNone) note = "experiment " + p.experiments.at(ini.evidence.experiment).name;
    out.push_back({"initiative", ini.name, ini.title, g.initiatives[i], driver_name(g.initiatives[i].limited_by), note});
  }
  for (ir::Index d = 0; d < p.drivers.size(); ++d) {
    const ir::Driver& dr = p.drivers[d];
    std::string note = dr.evidence.note;
    if (dr.evidence.experiment != ir::kNone) note = "experiment " + p.experiments.at(dr.evidence.experiment).name;
    out.push_back({"driver", dr.name, dr.title, g.drivers[d], driver_name(g.drivers[d].limited_by), note});
  }
  return out;
}

const std::vector<std::string> kHeader = {"Kind", "Name", "Declared", "Effective", "Limited by", "Evidence"};
const std::vector<bool> kRight = {false, false, false, false, false, false};

std::vector<std::string> cells(const Row& r) {
  return {r.kind, r.name, grade_text(r.grade.declared), ir::to_string(r.grade.effective),
          r.limited_by.empty() ? "" : "driver " + r.limited_by, r.note};
}

const char* kExplanation =
    "assumed < benchmark < correlational < experiment; the effective grade is the weakest on the path "
    "(the initiative's own and every driver its value flows through); no grade counts as assumed";

}  // namespace

void json_evidence(JsonWriter& w, const RunReport& run) {
  if (!has_graded(run)) return;
  w.key("evidence");
  w.begin_object();
  const std::vector<Row> all = rows(run);
  for (const char* kind : {"initiative", "driver"}) {
    w.key(std::string(kind) + "s");
    w.begin_array();
    for (const Row& r : all) {
      if (r.kind != kind) continue;
      w.begin_object();
      w.key("name");
      w.string(r.name);
      w.key("declared");
      w.string_or_null(grade_or_null(r.grade.declared));
      w.key("effective");
      w.string(ir::to_string(r.grade.effective));
      w.key("limited_by");
      if (r.limited_by.empty()) w.null();
      else w.string(r.limited_by);
      w.key("note");
      w.string(r.note);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

std::string table_evidence(const RunReport& run) {
  if (!has_graded(run)) return "";
  TextTable t;
  t.header = kHeader;
  t.right = kRight;
  for (const Row& r : rows(run)) {
    std::vector<Cell> row;
    for (auto& c : cells(r)) row.push_back(Cell{std::move(c)});
    t.rows.push_back(std::move(row));
  }
  return std::string("Evidence: ") + kExplanation + "\n\n" + layout(t, false, 2);
}

std::string csv_evidence(const RunReport& run) {
  if (!has_graded(run)) return "";
  std::string out = "\r\n" + csv_record({"kind", "name", "declared", "effective", "limited_by", "note"});
  for (const Row& r : rows(run)) {
    out += csv_record({r.kind, r.name, r.grade.declared == ir::Grade::none ? "" : ir::to_string(r.grade.declared),
                       ir::to_string(r.grade.effective), r.limited_by, r.note});
  }
  return out;
}

std::string markdown_evidence(const RunReport& run) {
  if (!has_graded(run)) return "";
  std::string out = std::string("## Evidence\n\n") + md_cell(kExplanation) + ".\n\n";
  out += md_header(kHeader, kRight);
  for (const Row& r : rows(run)) out += md_row(cells(r));
  return out;
}

}  // namespace cxv::report
