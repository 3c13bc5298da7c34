-- Weighted full-text search over a role: title (A) > skills (B) > text (C).
-- Triggers keep roles.search_vector current whatever writes the rows (app, seed, SQL console).
CREATE OR REPLACE FUNCTION role_search_vector(
  p_id uuid, p_title text, p_summary text, p_overview text,
  p_responsibilities jsonb, p_qualifications jsonb, p_trends jsonb
) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
DECLARE
  skill_text text;
  body_text text;
BEGIN
  SELECT coalesce(string_agg(s.name, ' '), '') INTO skill_text
    FROM role_skills rs JOIN skills s ON s.id = rs.skill_id
   WHERE rs.role_id = p_id;
  body_text := coalesce(p_summary, '') || ' ' || coalesce(p_overview, '') || ' '
    || coalesce((SELECT string_agg(coalesce(e->>'title', '') || ' ' || coalesce(e->>'description', ''), ' ')
                   FROM jsonb_array_elements(p_responsibilities) e), '') || ' '
    || coalesce((SELECT string_agg(e #>> '{}', ' ') FROM jsonb_array_elements(p_qualifications) e), '') || ' '
    || coalesce((SELECT string_agg(coalesce(e->>'text', ''), ' ') FROM jsonb_array_elements(p_trends) e), '');
  RETURN setweight(to_tsvector('english'::regconfig, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, skill_text), 'B')
      || setweight(to_tsvector('english'::regconfig, body_text), 'C');
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION roles_search_vector_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := role_search_vector(NEW.id, NEW.title, NEW.summary, NEW.overview,
    NEW.responsibilities, NEW.qualifications, NEW.trends);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER roles_search_vector_biu BEFORE INSERT OR UPDATE ON roles
  FOR EACH ROW EXECUTE FUNCTION roles_search_vector_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION role_skills_touch_role_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Any update of the role row re-runs roles_search_vector_biu.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE roles SET search_vector = NULL WHERE id = NEW.role_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE roles SET search_vector = NULL WHERE id = OLD.role_id AND (TG_OP = 'DELETE' OR OLD.role_id <> NEW.role_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER role_skills_touch_role_aiud AFTER INSERT OR UPDATE OR DELETE ON role_skills
  FOR EACH ROW EXECUTE FUNCTION role_skills_touch_role_trg();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION skills_touch_roles_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE roles SET search_vector = NULL
   WHERE id IN (SELECT role_id FROM role_skills WHERE skill_id = NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER skills_touch_roles_au AFTER UPDATE OF name ON skills
  FOR EACH ROW EXECUTE FUNCTION skills_touch_roles_trg();
