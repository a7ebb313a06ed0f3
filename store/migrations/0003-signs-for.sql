-- Who signs for someone else: a deputy signs KT. (ký thay) for the head, a chief of office TL. (thừa lệnh) by the head's
-- delegation. The portal then acts with the head's authority and records the signature line (KT. Chủ tịch — name).
ALTER TABLE people ADD COLUMN signs_kind text CHECK (signs_kind IN ('KT', 'TL'));
ALTER TABLE people ADD COLUMN signs_for text;
ALTER TABLE people ADD CONSTRAINT people_signs_both CHECK ((signs_kind IS NULL) = (signs_for IS NULL));
